using EnvoyGateway.Sdk.Translation.Features.Security;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Security.Tests;

/// <summary>
/// Required fields left out and list items written as <c>null</c> (which the API server refuses but a file can hold)
/// fail the feature with a message naming the field instead of crashing the builders.
/// </summary>
[TestFixture]
public sealed class RequiredFieldTests
{
    private static readonly SecurityTarget Http = new(IsTcp: false, ListenerHasClientIpDetection: true);

    private const string Provider = "provider: {issuer: https://a.com, authorizationEndpoint: https://a.com/auth, tokenEndpoint: https://a.com/token}";

    private static TestContext Fixtures() => new TestContext()
        .Secret("envoy-gateway-system", "envoy-oidc-hmac", ("hmac-secret", "aG1hYw=="))
        .Secret("default", "client-secret", ("client-secret", "s3cr3t"))
        .Secret("default", "keys", ("client1", "key1"))
        .Service("default", "authz", 9000)
        .ConfigMap("default", "ext-values", ("tenant", "a"));

    private static string? Message(string spec, SecurityTarget? target = null)
    {
        var errors = SecurityPolicyFeatures.Build(SecurityFeaturesTests.Policy(spec), target ?? Http, Fixtures(), out var result);
        Assert.That(result.NeedsDirectResponse500, Is.EqualTo(errors.Any), "a feature that cannot be built makes its routes answer 500");
        return errors.Any ? errors.ToConditionMessage() : null;
    }

    [TestCase("oidc:\n  clientID: c\n  clientSecret: {name: client-secret}", "OIDC: spec.oidc.provider is required.")]
    [TestCase("oidc:\n  provider: null\n  clientID: c\n  clientSecret: {name: client-secret}", "OIDC: spec.oidc.provider is required.")]
    [TestCase("oidc:\n  " + Provider + "\n  clientID: c\n  clientSecret: {name: client-secret}\n  scopes: [email, null]", "OIDC: spec.oidc.scopes[1] must not be null.")]
    [TestCase("oidc:\n  " + Provider + "\n  clientID: c\n  clientSecret: {name: client-secret}\n  resources: [null]", "OIDC: spec.oidc.resources[0] must not be null.")]
    [TestCase("oidc:\n  provider:\n    issuer: https://a.com\n    backendRefs: [null]\n  clientID: c\n  clientSecret: {name: client-secret}", "OIDC: spec.oidc.provider.backendRefs[0] must not be null.")]
    [TestCase("oidc:\n  provider:\n    issuer: https://a.com\n    backendRefs: [{port: 443}]\n  clientID: c\n  clientSecret: {name: client-secret}", "OIDC: spec.oidc.provider.backendRefs[0].name is required.")]
    [TestCase("jwt:\n  providers: [null]", "JWT: spec.jwt.providers[0] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}\n  - null", "JWT: spec.jwt.providers[1] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    audiences: [null]\n    remoteJWKS: {uri: https://a.com/jwks}", "JWT: spec.jwt.providers[0].audiences[0] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    claimToHeaders: [null]\n    remoteJWKS: {uri: https://a.com/jwks}", "JWT: spec.jwt.providers[0].claimToHeaders[0] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks, backendRefs: [null]}", "JWT: spec.jwt.providers[0].remoteJWKS.backendRefs[0] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}\n    extractFrom: {headers: [null]}", "JWT: spec.jwt.providers[0].extractFrom.headers[0] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}\n    extractFrom: {headers: [{valuePrefix: 'Bearer '}]}", "JWT: spec.jwt.providers[0].extractFrom.headers[0].name is required.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}\n    extractFrom: {cookies: [null]}", "JWT: spec.jwt.providers[0].extractFrom.cookies[0] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}\n    extractFrom: {params: [null]}", "JWT: spec.jwt.providers[0].extractFrom.params[0] must not be null.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [null]", "ExtAuth: spec.extAuth.grpc.backendRefs[0] must not be null.")]
    [TestCase("extAuth:\n  http:\n    backendRefs: [{name: authz, port: 9000}, null]", "ExtAuth: spec.extAuth.http.backendRefs[1] must not be null.")]
    [TestCase("extAuth:\n  headersToExtAuth: [null]\n  grpc:\n    backendRefs: [{name: authz, port: 9000}]", "ExtAuth: spec.extAuth.headersToExtAuth[0] must not be null.")]
    [TestCase("extAuth:\n  http:\n    headersToBackend: [null]\n    backendRefs: [{name: authz, port: 9000}]", "ExtAuth: spec.extAuth.http.headersToBackend[0] must not be null.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz, port: 9000}]\n  contextExtensions: [null]", "ExtAuth: spec.extAuth.contextExtensions[0] must not be null.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz, port: 9000}]\n  contextExtensions: [{type: Value, value: x}]", "ExtAuth: spec.extAuth.contextExtensions[0].name is required.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz, port: 9000}]\n  contextExtensions: [{name: t, type: ValueRef, valueRef: {kind: ConfigMap, name: ext-values}}]", "ExtAuth: spec.extAuth.contextExtensions[0].valueRef.key is required.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz, port: 9000}]\n  contextExtensions: [{name: t, type: ValueRef, valueRef: {kind: Secret, name: keys}}]", "ExtAuth: spec.extAuth.contextExtensions[0].valueRef.key is required.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [null]\n  extractFrom: [{headers: [x-api-key]}]", "APIKeyAuth: spec.apiKeyAuth.credentialRefs[0] must not be null.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys}]\n  extractFrom: [null]", "APIKeyAuth: spec.apiKeyAuth.extractFrom[0] must not be null.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys}]\n  extractFrom: [{headers: [x-api-key, null]}]", "APIKeyAuth: spec.apiKeyAuth.extractFrom[0].headers[1] must not be null.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys}]\n  extractFrom: [{cookies: [null]}]", "APIKeyAuth: spec.apiKeyAuth.extractFrom[0].cookies[0] must not be null.")]
    [TestCase("authorization:\n  rules: [null]", "Authorization: spec.authorization.rules[0] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    operation: {methods: [null]}", "Authorization: spec.authorization.rules[0].operation.methods[0] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {clientCIDRs: [null]}", "Authorization: spec.authorization.rules[0].principal.clientCIDRs[0] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {headers: [{values: [a]}]}", "Authorization: spec.authorization.rules[0].principal.headers[0].name is required.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {headers: [{name: x}]}", "Authorization: spec.authorization.rules[0].principal.headers[0].values is required.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {jwt: {scopes: [read]}}", "Authorization: spec.authorization.rules[0].principal.jwt.provider is required.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {jwt: {provider: p, claims: [{name: sub, values: [null]}]}}", "Authorization: spec.authorization.rules[0].principal.jwt.claims[0].values[0] must not be null.")]
    public void Null_items_and_missing_required_fields_name_the_field(string spec, string expected)
    {
        Assert.That(Message(spec), Is.EqualTo(expected));
    }

    [Test]
    public void Route_validation_skips_null_items_the_builders_report()
    {
        var apiKey = SecurityFeaturesTests.Policy("apiKeyAuth:\n  credentialRefs: [{name: keys}]\n  extractFrom: [null, {headers: [x]}]");
        var passThrough = SecurityFeaturesTests.Policy("oidc:\n  " + Provider + "\n  clientID: c\n  clientSecret: {name: client-secret}\n  passThroughAuthHeader: true\n"
            + "jwt:\n  providers:\n  - null\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}\n    extractFrom: {headers: [null, {name: x-token}]}");
        Assert.Multiple(() =>
        {
            Assert.That(SecurityPolicyFeatures.ValidateForRoute(apiKey, "HTTPRoute"), Is.Null);
            Assert.That(SecurityPolicyFeatures.ValidateForRoute(passThrough, "HTTPRoute"), Is.Null, "x-token is a header a provider reads");
            Assert.That(SecurityPolicyFeatures.ValidateForRoute(SecurityFeaturesTests.Policy("authorization:\n  rules: [null]"), "TCPRoute"),
                Is.Null, "the null rule is the builder's to report");
            Assert.That(Message("authorization:\n  rules: [null]", new SecurityTarget(IsTcp: true, ListenerHasClientIpDetection: false)),
                Is.EqualTo("Authorization: spec.authorization.rules[0] must not be null."));
        });
    }
}
