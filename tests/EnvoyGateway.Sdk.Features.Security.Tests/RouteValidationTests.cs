using EnvoyGateway.Sdk.Translation.Features.Security;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Security.Tests;

[TestFixture]
public sealed class RouteValidationTests
{
    [TestCase("HTTPRoute", "cors:\n  allowOrigins: [\"*\"]")]
    [TestCase("GRPCRoute", "apiKeyAuth:\n  credentialRefs: [{name: k}]\n  extractFrom: [{headers: [a]}, {params: [b]}]")]
    [TestCase("HTTPRoute", "oidc:\n  provider: {issuer: https://a.com}\n  clientID: c\n  clientSecret: {name: s}\n  passThroughAuthHeader: true\njwt:\n  providers:\n  - name: p\n    remoteJWKS: {uri: https://a.com/jwks}")]
    [TestCase("TCPRoute", "authorization:\n  rules:\n  - action: Allow\n    principal:\n      clientCIDRs: [10.0.0.0/8, \"2001:db8::/32\"]")]
    public void Valid_route_policies_pass(string kind, string spec)
    {
        Assert.That(SecurityPolicyFeatures.ValidateForRoute(SecurityFeaturesTests.Policy(spec), kind), Is.Null);
    }

    [TestCase("HTTPRoute", "apiKeyAuth:\n  credentialRefs: [{name: k}]\n  extractFrom: [{headers: [a], params: [b]}]", "Invalid SecurityPolicy: only one of headers, params or cookies must be specified.")]
    [TestCase("HTTPRoute", "oidc:\n  provider: {issuer: https://a.com}\n  clientID: c\n  clientSecret: {name: s}\n  passThroughAuthHeader: true", "Invalid SecurityPolicy: the OIDC.PassThroughAuthHeader setting must be used in conjunction with JWT settings.")]
    [TestCase("TCPRoute", "basicAuth:\n  users: {name: u}", "Invalid SecurityPolicy for TCP route: only authorization is supported for TCP (routes/listeners).")]
    [TestCase("TCPRoute", "authorization:\n  rules:\n  - action: Allow\n    cel: 'true'", "Invalid SecurityPolicy for TCP route: rule 0: CEL not supported for TCP.")]
    [TestCase("TCPRoute", "authorization:\n  rules:\n  - action: Allow\n    principal:\n      clientCIDRs: [10.0.0.0/8]\n  - action: Deny\n    principal:\n      clientCIDRs: [\"10.0.0.0/40\"]", "Invalid SecurityPolicy for TCP route: rule 1: invalid ClientCIDR \"10.0.0.0/40\": invalid CIDR address: 10.0.0.0/40.")]
    [TestCase("TCPRoute", "authorization:\n  rules:\n  - action: Allow\n    principal:\n      headers: [{name: a, values: [b]}]", "Invalid SecurityPolicy for TCP route: rule 0: headers not supported for TCP.")]
    public void Invalid_route_policies_report_the_full_message(string kind, string spec, string expected)
    {
        Assert.That(SecurityPolicyFeatures.ValidateForRoute(SecurityFeaturesTests.Policy(spec), kind), Is.EqualTo(expected));
    }

    [Test]
    public void Bare_error_is_the_raw_validator_error()
    {
        var policy = SecurityFeaturesTests.Policy("basicAuth:\n  users: {name: u}");
        Assert.That(SecurityPolicyFeatures.ValidateForRouteBare(policy, "TCPRoute"), Is.EqualTo("only authorization is supported for TCP (routes/listeners)"));
    }
}
