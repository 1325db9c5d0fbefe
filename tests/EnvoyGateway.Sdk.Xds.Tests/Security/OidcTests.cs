using System.Linq;
using Envoy.Extensions.Filters.Http.Oauth2.V3;
using NUnit.Framework;
using Xds.Type.V3;
using static EnvoyGateway.Sdk.Xds.Tests.Security.SecurityInputs;

namespace EnvoyGateway.Sdk.Xds.Tests.Security;

public class OidcTests
{
    private static readonly string[] OidcInputs =
    [
        Secret("default", "client", "client-secret", "s3cret"),
        Secret("envoy-gateway-system", "envoy-oidc-hmac", "hmac-secret", "hmac-bytes"),
        Policy("oidc", "HTTPRoute", "backend", """
              oidc:
                provider:
                  issuer: https://oauth.foo.com
                  authorizationEndpoint: https://oauth.foo.com/oauth2/v2/auth
                  tokenEndpoint: https://oauth.foo.com/token
                clientID: client-1
                clientSecret:
                  name: client
                scopes: [email]
            """),
    ];

    [Test]
    public void Oidc_gets_the_generated_secrets_a_token_cluster_and_a_typed_struct_per_route_config()
    {
        var xds = Translate(OidcInputs);

        Assert.That(Filter(xds, "envoy.filters.http.oauth2").TypedConfig.Unpack<OAuth2>(), Is.EqualTo(new OAuth2()));
        var typed = XdsRoute(xds, BackendRoute).TypedPerFilterConfig["envoy.filters.http.oauth2"].Unpack<TypedStruct>();
        Assert.That(typed.TypeUrl, Is.EqualTo("type.googleapis.com/envoy.extensions.filters.http.oauth2.v3.OAuth2PerRoute"));
        var config = EnvoyGateway.Sdk.Envoy.EnvoyJson.Parse<OAuth2Config>(Google.Protobuf.JsonFormatter.Default.Format(typed.Value.Fields["config"].StructValue));
        Assert.That(config.TokenEndpoint.Uri, Is.EqualTo("https://oauth.foo.com/token"));
        Assert.That(config.TokenEndpoint.Cluster, Is.EqualTo("oauth_foo_com_443"));
        Assert.That(config.TokenEndpoint.Timeout.Seconds, Is.EqualTo(10));
        Assert.That(config.AuthorizationEndpoint, Is.EqualTo("https://oauth.foo.com/oauth2/v2/auth"));
        Assert.That(config.Credentials.ClientId, Is.EqualTo("client-1"));
        Assert.That(config.Credentials.TokenSecret.Name, Is.EqualTo("oauth2/client_secret/securitypolicy/default/oidc"));
        Assert.That(config.Credentials.HmacSecret.Name, Is.EqualTo("oauth2/hmac_secret/securitypolicy/default/oidc"));
        Assert.That(config.Credentials.CookieNames.BearerToken, Does.Match("^AccessToken-[0-9a-f]+$"));
        Assert.That(config.Credentials.CookieNames.OauthHmac, Does.StartWith("OauthHMAC-"));
        Assert.That(config.RedirectUri, Is.EqualTo("%REQ(x-forwarded-proto)%://%REQ(:authority)%/oauth2/callback"));
        Assert.That(config.RedirectPathMatcher.Path.Exact, Is.EqualTo("/oauth2/callback"));
        Assert.That(config.SignoutPath.Path.Exact, Is.EqualTo("/logout"));
        Assert.That(config.AuthScopes, Is.EqualTo(new[] { "openid", "email" }));
        Assert.That(config.AuthType, Is.EqualTo(OAuth2Config.Types.AuthType.BasicAuth));
        Assert.That(config.UseRefreshToken, Is.True);
        Assert.That(config.ForwardBearerToken, Is.False);
        Assert.That(config.PreserveAuthorizationHeader, Is.True);
        Assert.That(XdsRoute(xds, OtherRoute).TypedPerFilterConfig, Is.Empty);

        Assert.That(xds.Secrets.Single(s => s.Name == "oauth2/client_secret/securitypolicy/default/oidc").GenericSecret.Secret.InlineBytes.ToStringUtf8(), Is.EqualTo("s3cret"));
        Assert.That(xds.Secrets.Single(s => s.Name == "oauth2/hmac_secret/securitypolicy/default/oidc").GenericSecret.Secret.InlineBytes.ToStringUtf8(), Is.EqualTo("hmac-bytes"));
        Assert.That(xds.Clusters.Single(c => c.Name == "oauth_foo_com_443").LoadAssignment.Endpoints.Single().LbEndpoints.Single().Endpoint.Address.SocketAddress.PortValue, Is.EqualTo(443));
    }

    [Test]
    public void Missing_oauth2_protos_are_reported_and_secrets_stay_out_of_warnings()
    {
        var xds = Translate(OidcInputs);

        Assert.That(xds.Warnings, Has.Some.Contains("envoy.extensions.filters.http.oauth2.v3.OAuth2PerRoute").And.Contains("TypedStruct"));
        Assert.That(xds.Warnings, Has.Some.Contains("envoy.extensions.filters.http.oauth2.v3.OAuth2Config.stat_prefix"));
        Assert.That(xds.Warnings, Has.Some.Contains("envoy.extensions.filters.http.oauth2.v3.OAuth2Config.cookie_configs").And.Contains("oidc.cookieConfig"));
        Assert.That(xds.Warnings, Has.Some.Contains("OAuth2Credentials.CookieNames.oauth_nonce"));
        Assert.That(xds.Warnings.Any(w => w.Contains("s3cret", System.StringComparison.Ordinal) || w.Contains("hmac-bytes", System.StringComparison.Ordinal)), Is.False);
    }
}
