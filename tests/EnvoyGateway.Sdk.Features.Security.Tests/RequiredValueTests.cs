using EnvoyGateway.Sdk.Translation.Features.Security;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Security.Tests;

/// <summary>
/// Null list items and missing required fields, which the API server would refuse but a file can hold: each feature
/// fails with its prefix and the JSON path (the policy is then Invalid and its routes answer 500), never a crash.
/// </summary>
[TestFixture]
public sealed class RequiredValueTests
{
    private static readonly SecurityTarget Http = new(IsTcp: false, ListenerHasClientIpDetection: true);

    private static TestContext Fixtures() => new TestContext()
        .Secret("default", "users", (".htpasswd", "user1:{SHA}tESsBmE/yNY3lb6a0L6vVQEZNqw="))
        .Secret("default", "keys1", ("client1", "key1"))
        .Service("default", "authz", 9000)
        .ConfigMap("default", "ext-values", ("tenant", "a"));

    private static string? Message(string spec, SecurityTarget? target = null)
    {
        var errors = SecurityPolicyFeatures.Build(SecurityFeaturesTests.Policy(spec), target ?? Http, Fixtures());
        return errors.Any ? errors.ToConditionMessage() : null;
    }

    private const string Authz = "extAuth:\n  http:\n    backendRefs: [{name: authz, port: 9000}]\n";
    private const string Jwks = "jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}\n";

    // Basic auth.
    [TestCase("basicAuth:\n  forwardUsernameHeader: x-user", "BasicAuth: spec.basicAuth.users is required.")]
    [TestCase("basicAuth:\n  users: {kind: Secret}", "BasicAuth: spec.basicAuth.users.name is required.")]

    // CORS and CSRF: every list.
    [TestCase("cors:\n  allowOrigins: [null]", "CORS: spec.cors.allowOrigins[0] must not be null.")]
    [TestCase("cors:\n  allowOrigins: ['https://a.com']\n  allowMethods: [GET, null]", "CORS: spec.cors.allowMethods[1] must not be null.")]
    [TestCase("cors:\n  allowHeaders: [null]", "CORS: spec.cors.allowHeaders[0] must not be null.")]
    [TestCase("cors:\n  exposeHeaders: [x-a, x-b, null]", "CORS: spec.cors.exposeHeaders[2] must not be null.")]
    [TestCase("csrf:\n  additionalOrigins: [null]", "CSRF: spec.csrf.additionalOrigins[0] must not be null.")]

    // API key auth.
    [TestCase("apiKeyAuth:\n  credentialRefs: [null]\n  extractFrom: [{headers: [x-api-key]}]", "APIKeyAuth: spec.apiKeyAuth.credentialRefs[0] must not be null.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys1}, {kind: Secret}]\n  extractFrom: [{headers: [x-api-key]}]", "APIKeyAuth: spec.apiKeyAuth.credentialRefs[1].name is required.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys1}]\n  extractFrom: [null]", "APIKeyAuth: spec.apiKeyAuth.extractFrom[0] must not be null.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys1}]\n  extractFrom: [{headers: [null]}]", "APIKeyAuth: spec.apiKeyAuth.extractFrom[0].headers[0] must not be null.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys1}]\n  extractFrom: [{params: [k, null]}]", "APIKeyAuth: spec.apiKeyAuth.extractFrom[0].params[1] must not be null.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys1}]\n  extractFrom: [{cookies: [null]}]", "APIKeyAuth: spec.apiKeyAuth.extractFrom[0].cookies[0] must not be null.")]

    // Authorization.
    [TestCase("authorization:\n  rules: [null]", "Authorization: spec.authorization.rules[0] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    operation: {methods: [GET, null]}", "Authorization: spec.authorization.rules[0].operation.methods[1] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {clientCIDRs: [null]}", "Authorization: spec.authorization.rules[0].principal.clientCIDRs[0] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {clientIPGeoLocations: [null]}", "Authorization: spec.authorization.rules[0].principal.clientIPGeoLocations[0] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {headers: [null]}", "Authorization: spec.authorization.rules[0].principal.headers[0] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {headers: [{values: [a]}]}", "Authorization: spec.authorization.rules[0].principal.headers[0].name is required.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {headers: [{name: x-a}]}", "Authorization: spec.authorization.rules[0].principal.headers[0].values is required.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {headers: [{name: x-a, values: [a, null]}]}", "Authorization: spec.authorization.rules[0].principal.headers[0].values[1] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {jwt: {scopes: [read]}}", "Authorization: spec.authorization.rules[0].principal.jwt.provider is required.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {jwt: {provider: p1, scopes: [null]}}", "Authorization: spec.authorization.rules[0].principal.jwt.scopes[0] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {jwt: {provider: p1, claims: [null]}}", "Authorization: spec.authorization.rules[0].principal.jwt.claims[0] must not be null.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {jwt: {provider: p1, claims: [{values: [a]}]}}", "Authorization: spec.authorization.rules[0].principal.jwt.claims[0].name is required.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal: {jwt: {provider: p1, claims: [{name: sub, values: [null]}]}}", "Authorization: spec.authorization.rules[0].principal.jwt.claims[0].values[0] must not be null.")]

    // External authorization.
    [TestCase("extAuth:\n  http:\n    backendRefs: [null]", "ExtAuth: spec.extAuth.http.backendRefs[0] must not be null.")]
    [TestCase("extAuth:\n  http:\n    backendRefs: [{port: 9000}]", "ExtAuth: spec.extAuth.http.backendRefs[0].name is required.")]
    [TestCase("extAuth:\n  grpc:\n    backendRef: {port: 9000}", "ExtAuth: spec.extAuth.grpc.backendRef.name is required.")]
    [TestCase(Authz + "    headersToBackend: [null]", "ExtAuth: spec.extAuth.http.headersToBackend[0] must not be null.")]
    [TestCase(Authz + "  headersToExtAuth: [null]", "ExtAuth: spec.extAuth.headersToExtAuth[0] must not be null.")]
    [TestCase(Authz + "  contextExtensions: [null]", "ExtAuth: spec.extAuth.contextExtensions[0] must not be null.")]
    [TestCase(Authz + "  contextExtensions: [{type: Value, value: v}]", "ExtAuth: spec.extAuth.contextExtensions[0].name is required.")]
    [TestCase(Authz + "  contextExtensions: [{name: t, type: ValueRef, valueRef: {group: '', name: ext-values, key: tenant}}]", "ExtAuth: spec.extAuth.contextExtensions[0].valueRef.kind is required.")]
    [TestCase(Authz + "  contextExtensions: [{name: t, type: ValueRef, valueRef: {group: '', kind: ConfigMap, key: tenant}}]", "ExtAuth: spec.extAuth.contextExtensions[0].valueRef.name is required.")]
    [TestCase(Authz + "  contextExtensions: [{name: t, type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: ext-values}}]", "ExtAuth: spec.extAuth.contextExtensions[0].valueRef.key is required.")]

    // JWT.
    [TestCase("jwt:\n  providers: [null]", "JWT: spec.jwt.providers[0] must not be null.")]
    [TestCase(Jwks + "    audiences: [null]", "JWT: spec.jwt.providers[0].audiences[0] must not be null.")]
    [TestCase(Jwks + "    claimToHeaders: [null]", "JWT: spec.jwt.providers[0].claimToHeaders[0] must not be null.")]
    [TestCase(Jwks + "    extractFrom: {headers: [null]}", "JWT: spec.jwt.providers[0].extractFrom.headers[0] must not be null.")]
    [TestCase(Jwks + "    extractFrom: {headers: [{valuePrefix: 'Bearer '}]}", "JWT: spec.jwt.providers[0].extractFrom.headers[0].name is required.")]
    [TestCase(Jwks + "    extractFrom: {cookies: [null]}", "JWT: spec.jwt.providers[0].extractFrom.cookies[0] must not be null.")]
    [TestCase(Jwks + "    extractFrom: {params: [null]}", "JWT: spec.jwt.providers[0].extractFrom.params[0] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks, backendRefs: [null]}", "JWT: spec.jwt.providers[0].remoteJWKS.backendRefs[0] must not be null.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks, backendRefs: [{port: 9000}]}", "JWT: spec.jwt.providers[0].remoteJWKS.backendRefs[0].name is required.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    localJWKS: {type: ValueRef}", "JWT: spec.jwt.providers[0].localJWKS.valueRef is required.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    localJWKS: {type: ValueRef, valueRef: {group: '', kind: ConfigMap}}", "JWT: spec.jwt.providers[0].localJWKS.valueRef.name is required.")]
    public void Null_items_and_missing_required_fields_are_errors_naming_the_path(string spec, string expected)
    {
        Assert.That(Message(spec), Is.EqualTo(expected));
    }

    [Test]
    public void A_null_item_makes_the_routes_answer_500_and_keeps_the_features_that_built()
    {
        var spec = "cors:\n  allowOrigins: [null]\nbasicAuth:\n  users: {name: users}";
        var errors = SecurityPolicyFeatures.Build(SecurityFeaturesTests.Policy(spec), Http, Fixtures(), out var result);
        Assert.Multiple(() =>
        {
            Assert.That(errors.Items, Is.EqualTo(new[] { "CORS: spec.cors.allowOrigins[0] must not be null" }));
            Assert.That(result.Cors, Is.Null);
            Assert.That(result.BasicAuth, Is.Not.Null);
            Assert.That(result.NeedsDirectResponse500, Is.True);
        });
    }

    [Test]
    public void Errors_of_several_features_are_joined_in_build_order()
    {
        var spec = "jwt:\n  providers: [null]\ncsrf:\n  additionalOrigins: [null]\nbasicAuth: {}";
        Assert.That(Message(spec), Is.EqualTo(
            "CSRF: spec.csrf.additionalOrigins[0] must not be null\nBasicAuth: spec.basicAuth.users is required\nJWT: spec.jwt.providers[0] must not be null."));
    }

    [Test]
    public void A_null_authorization_rule_keeps_its_prefix_on_gateway_targets()
    {
        Assert.That(Message("authorization:\n  rules: [null]", new SecurityTarget(false, true, IsGatewayTarget: true)),
            Is.EqualTo("Authorization: spec.authorization.rules[0] must not be null."));
    }

    [Test]
    public void Tcp_route_validation_leaves_null_rules_to_the_builder()
    {
        var policy = SecurityFeaturesTests.Policy("authorization:\n  rules:\n  - null\n  - action: Allow\n    cel: 'true'\n    principal: {clientCIDRs: [null, 10.0.0.0/8]}");
        Assert.Multiple(() =>
        {
            // The rule index counts the null rule: the CEL rule is rule 1.
            Assert.That(SecurityPolicyFeatures.ValidateForRoute(policy, "TCPRoute"), Is.EqualTo("Invalid SecurityPolicy for TCP route: rule 1: CEL not supported for TCP."));
            var errors = SecurityPolicyFeatures.Build(policy, new SecurityTarget(true, false), Fixtures());
            Assert.That(errors.ToConditionMessage(), Is.EqualTo("Authorization: spec.authorization.rules[0] must not be null."));
        });
    }

    [Test]
    public void Route_validation_skips_null_items_that_the_builders_report()
    {
        var apiKey = SecurityFeaturesTests.Policy("apiKeyAuth:\n  credentialRefs: [{name: keys1}]\n  extractFrom: [null, {headers: [x-api-key]}]");
        var passThrough = SecurityFeaturesTests.Policy(
            "oidc:\n  provider: {issuer: https://a.com}\n  clientID: c\n  clientSecret: {name: s}\n  passThroughAuthHeader: true\n"
            + "jwt:\n  providers:\n  - null\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}\n    extractFrom: {headers: [null, {name: x-token}]}");
        Assert.Multiple(() =>
        {
            Assert.That(SecurityPolicyFeatures.ValidateForRoute(apiKey, "HTTPRoute"), Is.Null);
            Assert.That(SecurityPolicyFeatures.ValidateForRoute(passThrough, "HTTPRoute"), Is.Null);
        });
    }
}
