using System.Linq;
using Envoy.Extensions.Filters.Http.JwtAuthn.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using NUnit.Framework;
using static EnvoyGateway.Sdk.Xds.Tests.Security.SecurityInputs;

namespace EnvoyGateway.Sdk.Xds.Tests.Security;

public class JwtTests
{
    private const string RemoteJwt = """
          jwt:
            providers:
            - name: example
              issuer: https://www.example.com
              audiences: [foo.com]
              remoteJWKS:
                uri: https://raw.example.com/jwks.json
              claimToHeaders:
              - header: x-sub
                claim: sub
        """;

    [Test]
    public void Remote_jwks_provider_gets_envoy_gateway_defaults_a_url_cluster_and_a_requirement_per_route()
    {
        var xds = Translate(Policy("jwt", "HTTPRoute", "backend", RemoteJwt));

        var filter = Filter(xds, "envoy.filters.http.jwt_authn");
        Assert.That(filter.Disabled, Is.False, "inert on routes without a requirement");
        var authn = filter.TypedConfig.Unpack<JwtAuthentication>();
        var (key, provider) = authn.Providers.Single();
        Assert.That(key, Does.Match("^example_[0-9a-f]{16}$"));
        Assert.That(provider.Issuer, Is.EqualTo("https://www.example.com"));
        Assert.That(provider.Audiences, Is.EqualTo(new[] { "foo.com" }));
        Assert.That(provider.Forward, Is.True);
        Assert.That(provider.PayloadInMetadata, Is.EqualTo("example"));
        Assert.That(provider.NormalizePayloadInMetadata.SpaceDelimitedClaims, Is.EqualTo(new[] { "scope", "scp" }));
        Assert.That(provider.ClaimToHeaders.Single(), Is.EqualTo(new JwtClaimToHeader { HeaderName = "x-sub", ClaimName = "sub" }));
        Assert.That(provider.RemoteJwks.HttpUri.Uri, Is.EqualTo("https://raw.example.com/jwks.json"));
        Assert.That(provider.RemoteJwks.HttpUri.Cluster, Is.EqualTo("raw_example_com_443"));
        Assert.That(provider.RemoteJwks.HttpUri.Timeout.Seconds, Is.EqualTo(10));
        Assert.That(provider.RemoteJwks.CacheDuration.Seconds, Is.EqualTo(300));
        Assert.That(provider.RemoteJwks.AsyncFetch, Is.Not.Null);

        var (requirementName, requirement) = authn.RequirementMap.Single();
        Assert.That(requirementName, Does.Match("^example_[0-9a-f]{16}$"));
        Assert.That(requirement.ProviderName, Is.EqualTo(key));
        var perRoute = XdsRoute(xds, BackendRoute).TypedPerFilterConfig["envoy.filters.http.jwt_authn"].Unpack<PerRouteConfig>();
        Assert.That(perRoute.RequirementName, Is.EqualTo(requirementName));
        Assert.That(XdsRoute(xds, OtherRoute).TypedPerFilterConfig, Is.Empty);

        var cluster = xds.Clusters.Single(c => c.Name == "raw_example_com_443");
        Assert.That(cluster.ClusterType.Name, Is.EqualTo("envoy.cluster.dns"));
        Assert.That(cluster.LoadAssignment.Endpoints.Single().LbEndpoints.Single().Endpoint.Address.SocketAddress.Address, Is.EqualTo("raw.example.com"));
        Assert.That(cluster.LoadAssignment.Endpoints.Single().Locality.Region, Is.EqualTo("raw_example_com_443/backend/-1"));
        var tls = cluster.TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>();
        Assert.That(tls.Sni, Is.EqualTo("raw.example.com"));
        Assert.That(tls.CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.Name, Is.EqualTo("system_ca_certificates"));
        Assert.That(xds.Secrets.Single(s => s.Name == "system_ca_certificates").ValidationContext.TrustedCa.Filename, Is.EqualTo("/etc/ssl/certs/ca-certificates.crt"));
        Assert.That(xds.Warnings, Has.Some.Contains("envoy.extensions.clusters.dns.v3.DnsCluster"));
    }

    [Test]
    public void Names_are_the_envoy_gateway_hashes_and_fail_open_allows_missing_or_failed_tokens()
    {
        // The hash of this provider (an inline JWKS, a header and a query extractor) is the one Envoy Gateway v1.9 computes.
        var xds = Translate(Policy("jwt", "HTTPRoute", "backend", """
              jwt:
                failOpen: true
                providers:
                - name: local
                  issuer: https://local.example.com
                  localJWKS:
                    type: Inline
                    inline: '{"keys":[{"kty":"oct","kid":"k1","alg":"HS256","k":"c2VjcmV0LWtleQ"}]}'
                  extractFrom:
                    headers:
                    - name: X-Token
                      valuePrefix: 'Bearer '
                    params:
                    - access_token
            """));

        var authn = Filter(xds, "envoy.filters.http.jwt_authn").TypedConfig.Unpack<JwtAuthentication>();
        Assert.That(authn.Providers.Keys, Is.EqualTo(new[] { "local_3bbb689887048007" }));
        var (name, requirement) = authn.RequirementMap.Single();
        Assert.That(name, Does.StartWith("local-or-missing-or-failed_"));
        Assert.That(requirement.RequiresAny.Requirements.Select(r => r.RequiresTypeCase), Is.EqualTo(new[]
        {
            JwtRequirement.RequiresTypeOneofCase.ProviderName, JwtRequirement.RequiresTypeOneofCase.AllowMissingOrFailed,
        }));
        Assert.That(xds.Clusters.Any(c => c.Name.Contains("example_com", System.StringComparison.Ordinal)), Is.False, "a local JWKS needs no cluster");
    }
}
