using EnvoyGateway.Sdk.Translation.Features.Security;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Security.Tests;

/// <summary>
/// <c>backendSettings</c> of ext auth, remote JWKS and OIDC providers are built like a BackendTrafficPolicy's cluster
/// settings; the first invalid setting fails the feature naming where it is.
/// </summary>
[TestFixture]
public sealed class ExtServiceTrafficTests
{
    private static readonly SecurityTarget Http = new(IsTcp: false, ListenerHasClientIpDetection: true);

    private static TestContext Fixtures() => new TestContext()
        .Secret("envoy-gateway-system", "envoy-oidc-hmac", ("hmac-secret", "aG1hYw=="))
        .Secret("default", "client-secret", ("client-secret", "s3cr3t"))
        .Service("default", "authz", 9000);

    private static (string? Message, SecurityBuildResult Result) Build(string spec)
    {
        var errors = SecurityPolicyFeatures.Build(SecurityFeaturesTests.Policy(spec), Http, Fixtures(), out var result);
        return (errors.Any ? errors.ToConditionMessage() : null, result);
    }

    [Test]
    public void Ext_auth_settings_are_read_in_backend_traffic_shape()
    {
        var (message, result) = Build("""
            extAuth:
              grpc:
                backendRefs: [{name: authz, port: 9000}]
                backendSettings:
                  retry:
                    numRetries: 3
                    retryOn: {triggers: [5xx]}
                  circuitBreaker: {maxConnections: 7}
                  timeout: {tcp: {connectTimeout: 2s}}
                  dns: {lookupFamily: IPv6}
            """);

        Assert.That(message, Is.Null);
        var traffic = result.ExtAuth!.Traffic!;
        Assert.Multiple(() =>
        {
            Assert.That(traffic.Field, Is.EqualTo("extAuth.grpc.backendSettings"));
            Assert.That(traffic.Traffic.Retry!.NumRetries, Is.EqualTo(3));
            Assert.That(traffic.Traffic.Retry.Triggers, Is.EqualTo(new[] { "5xx" }));
            Assert.That(traffic.Traffic.CircuitBreaker!.MaxConnections, Is.EqualTo(7));
            Assert.That(traffic.Traffic.Timeout!.ConnectTimeout, Is.EqualTo(2_000_000_000L));
            Assert.That(traffic.Traffic.Dns!.LookupFamily, Is.EqualTo("IPv6"));
        });
    }

    [Test]
    public void Unset_settings_build_no_traffic()
    {
        var (_, result) = Build("extAuth:\n  http:\n    backendRefs: [{name: authz, port: 9000}]");
        Assert.That(result.ExtAuth!.Traffic, Is.Null);
    }

    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz, port: 9000}]\n    backendSettings:\n      retry: {perRetry: {backOff: {baseInterval: 2s, maxInterval: 1s}}}",
        "ExtAuth: spec.extAuth.grpc.backendSettings: Retry: maxInterval cannot be less than baseInterval.")]
    [TestCase("extAuth:\n  http:\n    backendRefs: [{name: authz, port: 9000}]\n    backendSettings:\n      circuitBreaker: {maxConnections: -1}",
        "ExtAuth: spec.extAuth.http.backendSettings: CircuitBreaker: invalid MaxConnections value -1.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS:\n      uri: https://a.com/jwks\n      backendSettings:\n        loadBalancer: {type: ConsistentHash, consistentHash: {type: SourceIP, tableSize: 100}}",
        "JWT: spec.jwt.providers[0].remoteJWKS.backendSettings: LoadBalancer: ConsistentHash: invalid TableSize value 100.")]
    [TestCase("oidc:\n  provider:\n    issuer: https://a.com\n    backendSettings:\n      timeout: {tcp: {connectTimeout: 5x}}\n  clientID: c\n  clientSecret: {name: client-secret}",
        "OIDC: spec.oidc.provider.backendSettings: Timeout: invalid ConnectTimeout value 5x.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz, port: 9000}]\n    backendSettings:\n      retry: {retryOn: {triggers: [5xx, null]}}",
        "ExtAuth: spec.extAuth.grpc.backendSettings.retry.retryOn.triggers[1] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS:\n      uri: https://a.com/jwks\n      backendSettings:\n        loadBalancer: {type: ConsistentHash, consistentHash: {type: Headers, headers: [{name: a}, {}]}}",
        "JWT: spec.jwt.providers[0].remoteJWKS.backendSettings.loadBalancer.consistentHash.headers[1].name is required.")]
    public void An_invalid_setting_fails_the_feature_naming_where_it_is(string spec, string expected)
    {
        var (message, result) = Build(spec);
        Assert.That(message, Is.EqualTo(expected));
        Assert.That(result.NeedsDirectResponse500, Is.True);
    }

    [Test]
    public void Jwks_and_oidc_provider_settings_reach_their_ir()
    {
        var (message, result) = Build("""
            jwt:
              providers:
              - name: p1
                remoteJWKS:
                  uri: https://a.com/jwks
                  backendSettings: {retry: {numRetries: 1}}
            oidc:
              provider:
                issuer: https://a.com
                authorizationEndpoint: https://a.com/auth
                tokenEndpoint: https://a.com/token
                backendSettings: {tcpKeepalive: {probes: 2}}
              clientID: c
              clientSecret: {name: client-secret}
            """);

        Assert.That(message, Is.Null);
        Assert.That(result.Jwt!.Providers[0].RemoteJwks!.Traffic!.Field, Is.EqualTo("jwt.providers[0].remoteJWKS.backendSettings"));
        Assert.That(result.Jwt.Providers[0].RemoteJwks!.Traffic!.Traffic.Retry!.NumRetries, Is.EqualTo(1));
        Assert.That(result.Oidc!.Provider.Traffic!.Traffic.TcpKeepalive!.Probes, Is.EqualTo(2));
    }
}
