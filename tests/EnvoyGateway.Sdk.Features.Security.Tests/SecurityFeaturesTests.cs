using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Security;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Security.Tests;

[TestFixture]
public sealed class SecurityFeaturesTests
{
    private static readonly SecurityTarget Http = new(IsTcp: false, ListenerHasClientIpDetection: true);

    internal static SecurityPolicy Policy(string spec, string ns = "default", string name = "p")
    {
        var indented = string.Join('\n', spec.Trim('\n').Split('\n').Select(l => "  " + l));
        var yaml = $"""
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: SecurityPolicy
            metadata:
              namespace: {ns}
              name: {name}
              uid: b8284d0f-de82-4c65-b204-96a0d3f258a1
            spec:
            {indented}
            """;
        return (SecurityPolicy)ResourceSerializer.LoadYaml(yaml)[0].Resource;
    }

    private static TestContext Fixtures() => new TestContext()
        .Secret("envoy-gateway-system", "envoy-oidc-hmac", ("hmac-secret", "aG1hYw=="))
        .Secret("default", "users", (".htpasswd", "user1:{SHA}tESsBmE/yNY3lb6a0L6vVQEZNqw="))
        .Secret("default", "bcrypt-users", (".htpasswd", "user1:$2y$05$abc"))
        .Secret("default", "empty-users", ("other", "x"))
        .Secret("default", "keys1", ("client1", "key1"), ("client2", "key2"))
        .Secret("default", "keys-dup", ("client3", "key1"))
        .Secret("default", "client-secret", ("client-secret", "s3cr3t"))
        .Secret("default", "client-id", ("client-id", "my-client"))
        .Secret("default", "no-key", ("other", "x"))
        .Secret("other", "client-secret", ("client-secret", "s3cr3t"))
        .Service("default", "authz", 9000)
        .Service("default", "ext-name", "ExternalName", 9000)
        .Service("other", "authz", 9000)
        .Service("granted", "authz", 9000)
        .Grant("granted", "default", "Service")
        .ConfigMap("default", "jwks", ("jwks", "{\"keys\":[]}"))
        .ConfigMap("default", "jwks-other-key", ("foo", "{\"keys\":[]}"))
        .ConfigMap("default", "ext-values", ("tenant", "a"));

    private static string? Message(string spec, SecurityTarget? target = null, TestContext? context = null)
    {
        var errors = SecurityPolicyFeatures.Build(Policy(spec), target ?? Http, context ?? Fixtures());
        return errors.Any ? errors.ToConditionMessage() : null;
    }

    private const string GoodOidc = """
        oidc:
          provider:
            issuer: https://accounts.google.com
            authorizationEndpoint: https://accounts.google.com/o/oauth2/v2/auth
            tokenEndpoint: https://oauth2.googleapis.com/token
          clientID: client1
          clientSecret:
            name: client-secret
        """;

    [TestCase("cors:\n  allowOrigins: [\"https://*.foo.com\", \"https://bar.com\"]\n  maxAge: 10s")]
    [TestCase("csrf:\n  additionalOrigins: [\"https://a.com\"]")]
    [TestCase("basicAuth:\n  users:\n    name: users")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys1}]\n  extractFrom: [{headers: [x-api-key]}]")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal:\n      clientCIDRs: [10.0.0.0/8, \"2001:db8::/64\", \"::ffff:10.0.0.1/128\"]")]
    [TestCase("extAuth:\n  grpc:\n    backendRef: {name: authz, port: 9000}")]
    [TestCase("extAuth:\n  http:\n    backendRefs: [{name: authz, namespace: granted, port: 9000}]")]
    [TestCase("extAuth:\n  http:\n    backendRefs: [{name: authz, port: 9000}]\n  contextExtensions:\n  - {name: t, type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: ext-values, key: tenant}}\n  - {name: v, type: Value, value: x}")]
    [TestCase(GoodOidc)]
    [TestCase("oidc:\n  provider: {issuer: https://accounts.google.com}\n  clientIDRef: {name: client-id}\n  clientSecret: {name: client-secret}\n  redirectURL: https://www.example.com/bar/oauth2/callback")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    issuer: https://one.example.com\n    remoteJWKS: {uri: https://one.example.com/jwks.json}\n    claimToHeaders: [{header: x-claim, claim: sub}]")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    issuer: foo@example.com\n    localJWKS: {type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: jwks-other-key}}")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS:\n      uri: https://one.example.com/jwks.json\n      backendRefs: [{name: authz, port: 9000}]")]
    public void Valid_features_have_no_error(string spec)
    {
        Assert.That(Message(spec), Is.Null);
    }

    [TestCase("basicAuth:\n  users:\n    name: users-secret1", "BasicAuth: secret default/users-secret1 does not exist.")]
    [TestCase("basicAuth:\n  users:\n    name: empty-users", "BasicAuth: users secret not found in secret default/empty-users.")]
    [TestCase("basicAuth:\n  users:\n    name: bcrypt-users", "BasicAuth: unsupported htpasswd format: please use {SHA}.")]
    [TestCase("basicAuth:\n  users:\n    name: users\n    namespace: other", "BasicAuth: secret ref namespace must be unspecified/empty or default.")]
    [TestCase("basicAuth:\n  users:\n    name: users\n    kind: ConfigMap", "BasicAuth: secret ref kind must be Secret.")]
    [TestCase("basicAuth:\n  users:\n    name: users\n    group: foo.io", "BasicAuth: secret ref group must be unspecified/empty.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: keys1}, {name: keys-dup}]\n  extractFrom: [{headers: [x-api-key]}]", "APIKeyAuth: duplicated API key.")]
    [TestCase("apiKeyAuth:\n  credentialRefs: [{name: missing}]\n  extractFrom: [{headers: [x-api-key]}]", "APIKeyAuth: secret default/missing does not exist.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal:\n      clientCIDRs: [10.0.0.1]", "Authorization: unable to translate authorization rule: invalid CIDR address: 10.0.0.1.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal:\n      clientCIDRs: [10.0.0.0/33]", "Authorization: unable to translate authorization rule: invalid CIDR address: 10.0.0.0/33.")]
    [TestCase("authorization:\n  rules:\n  - action: Allow\n    principal:\n      clientCIDRs: [010.0.0.0/8]", "Authorization: unable to translate authorization rule: invalid CIDR address: 010.0.0.0/8.")]
    [TestCase("extAuth:\n  http:\n    backendRefs: [{name: http-backend, port: 80}]", "ExtAuth: service default/http-backend not found.")]
    [TestCase("extAuth:\n  http:\n    backendRefs: [{name: authz, namespace: other, port: 9000}]", "ExtAuth: backend ref to Service other/authz not permitted by any ReferenceGrant.")]
    [TestCase("extAuth:\n  grpc:\n    backendRef: {name: ext-name, kind: Service, port: 9000}", "ExtAuth: Service default/ext-name is of type ExternalName, which is not supported as a backend; use an Envoy Gateway Backend resource with an FQDN endpoint instead.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz, port: 9001}]", "ExtAuth: TCP Port 9001 not found in service default/authz.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz}]", "ExtAuth: a valid port number corresponding to a port on the Service must be specified.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz, port: 9000, group: foo.io, kind: Foo}]", "ExtAuth: group is invalid, only the core API group (specified by omitting the group field or setting it to an empty string) and gateway.envoyproxy.io are supported.")]
    [TestCase("extAuth:\n  grpc:\n    backendRefs: [{name: authz, port: 9000, kind: Foo}]", "ExtAuth: kind is invalid, only Service (specified by omitting the kind field or setting it to 'Service') and Backend are supported.")]
    [TestCase("oidc:\n  provider: {issuer: https://accounts.google.com}\n  clientID: c\n  clientSecret: {name: client2-secret}", "OIDC: secret default/client2-secret does not exist.")]
    [TestCase("oidc:\n  provider: {issuer: https://accounts.google.com}\n  clientID: c\n  clientSecret: {name: no-key}", "OIDC: client secret not found in secret default/no-key.")]
    [TestCase("oidc:\n  provider: {issuer: https://accounts.google.com}\n  clientID: c\n  clientSecret: {name: client-secret, namespace: other}", "OIDC: ref to Secret other/client-secret not permitted by any ReferenceGrant.")]
    [TestCase("oidc:\n  provider: {issuer: https://accounts.google.com}\n  clientIDRef: {name: no-key}\n  clientSecret: {name: client-secret}", "OIDC: client ID not found in secret default/no-key.")]
    [TestCase("oidc:\n  provider: {issuer: https://accounts.google.com}\n  clientID: c\n  clientSecret: {name: client-secret}\n  redirectURL: https://www.example.com/", "OIDC: invalid redirect URL https://www.example.com/.")]
    [TestCase("oidc:\n  provider: {issuer: https://accounts.google.com}\n  clientID: c\n  clientSecret: {name: client-secret}\n  redirectURL: ftp://www.example.com/cb", "OIDC: invalid redirect URL ftp://www.example.com/cb.")]
    [TestCase("oidc:\n  provider: {issuer: https://a.com, authorizationEndpoint: https://a.com/auth, tokenEndpoint: 'https://10.0.0.1/token'}\n  clientID: c\n  clientSecret: {name: client-secret}", "OIDC: token endpoint URL must be a domain name: https://10.0.0.1/token.")]
    [TestCase("oidc:\n  provider:\n    issuer: https://a.com\n    backendRefs: [{name: missing, port: 443}]\n  clientID: c\n  clientSecret: {name: client-secret}", "OIDC: service default/missing not found.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    localJWKS: {type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: example3-jwks}}", "JWT: local JWKS ConfigMap default/example3-jwks not found.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    issuer: '1foo:bar'\n    remoteJWKS: {uri: 'jwks.json'}", "JWT: invalid issuer; when issuer contains ':' character, it MUST be a URI\ninvalid remote JWKS URI: parse \"jwks.json\": invalid URI for request.")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}\n    claimToHeaders: [{header: '', claim: sub}, {header: x, claim: ''}]", "JWT: header must be set for claimToHeader provider: \nclaim must be set for claimToHeader provider: .")]
    [TestCase("jwt:\n  providers:\n  - name: p1\n    remoteJWKS:\n      uri: https://a.com/jwks\n      backendRefs: [{name: authz, namespace: other, port: 9000}]", "JWT: backend ref to Service other/authz not permitted by any ReferenceGrant.")]
    public void Invalid_features_report_envoy_gateway_messages(string spec, string expected)
    {
        Assert.That(Message(spec), Is.EqualTo(expected));
    }

    [Test]
    public void Errors_follow_envoy_gateway_build_order_and_are_joined()
    {
        var spec = """
            jwt:
              providers:
              - name: p1
                localJWKS: {type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: nope}}
            oidc:
              provider: {issuer: https://accounts.google.com}
              clientID: c
              clientSecret: {name: nope}
            extAuth:
              http:
                backendRefs: [{name: http-backend, port: 80}]
            basicAuth:
              users: {name: users-secret1}
            """;
        Assert.That(Message(spec), Is.EqualTo(
            "BasicAuth: secret default/users-secret1 does not exist\nExtAuth: service default/http-backend not found\n"
            + "OIDC: secret default/nope does not exist\nJWT: local JWKS ConfigMap default/nope not found."));
    }

    [Test]
    public void Only_fail_open_ext_auth_errors_need_no_direct_response()
    {
        var spec = "extAuth:\n  failOpen: true\n  http:\n    backendRefs: [{name: http-backend, port: 80}]";
        var errors = SecurityPolicyFeatures.Build(Policy(spec), Http, Fixtures(), out var result);
        Assert.Multiple(() =>
        {
            Assert.That(errors.ToConditionMessage(), Is.EqualTo("ExtAuth: service default/http-backend not found."));
            Assert.That(result.OnlyFailOpenExtAuthErrors, Is.True);
            Assert.That(result.NeedsDirectResponse500, Is.False);
        });

        var withJwt = spec + "\njwt:\n  providers:\n  - name: p1\n    localJWKS: {type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: nope}}";
        SecurityPolicyFeatures.Build(Policy(withJwt), Http, Fixtures(), out var mixed);
        Assert.That(mixed.OnlyFailOpenExtAuthErrors, Is.False);
        Assert.That(mixed.NeedsDirectResponse500, Is.True);
    }

    [Test]
    public void Partial_application_keeps_the_features_that_built()
    {
        var spec = GoodOidc.Replace("name: client-secret", "name: nope", System.StringComparison.Ordinal)
            + "\njwt:\n  providers:\n  - name: p1\n    remoteJWKS: {uri: https://a.com/jwks}";
        SecurityPolicyFeatures.Build(Policy(spec), Http, Fixtures(), out var result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Oidc, Is.Null);
            Assert.That(result.Jwt, Is.Not.Null);
            Assert.That(result.NeedsDirectResponse500, Is.True);
        });
    }

    [Test]
    public void GeoIp_requires_client_ip_detection_per_listener()
    {
        var spec = "authorization:\n  rules:\n  - action: Allow\n    principal:\n      clientIPGeoLocations: [{country: US}]";
        Assert.That(Message(spec, new SecurityTarget(false, ListenerHasClientIpDetection: true)), Is.Null);
        SecurityPolicyFeatures.Build(Policy(spec), new SecurityTarget(false, false), Fixtures(), out var result);
        Assert.Multiple(() =>
        {
            Assert.That(Message(spec, new SecurityTarget(false, false)), Is.EqualTo(
                "Authorization: authorization clientIPGeoLocations requires ClientTrafficPolicy.spec.clientIPDetection to be configured."));
            Assert.That(result.GeoIpError, Is.Not.Null);
            Assert.That(result.NeedsDirectResponse500, Is.True);
        });
    }

    [Test]
    public void Authorization_builder_error_has_no_prefix_on_gateway_targets()
    {
        var spec = "authorization:\n  rules:\n  - action: Allow\n    principal:\n      clientCIDRs: [10.0.0.1]";
        Assert.That(Message(spec, new SecurityTarget(false, true, IsGatewayTarget: true)),
            Is.EqualTo("Unable to translate authorization rule: invalid CIDR address: 10.0.0.1."));
    }

    [Test]
    public void Tcp_targets_build_only_authorization()
    {
        var spec = "basicAuth:\n  users: {name: users-secret1}\nauthorization:\n  rules:\n  - action: Allow\n    principal:\n      clientCIDRs: [10.0.0.0/8]";
        var errors = SecurityPolicyFeatures.Build(Policy(spec), new SecurityTarget(true, false, true), Fixtures(), out var result);
        Assert.Multiple(() =>
        {
            Assert.That(errors.Any, Is.False);
            Assert.That(result.Authorization!.Rules[0].ClientCidrs[0].Cidr, Is.EqualTo("10.0.0.0/8"));
            Assert.That(result.Authorization.Rules[0].Name, Is.EqualTo("securitypolicy/default/p/authorization/rule/0"));
        });
    }

    [Test]
    public void Merged_field_owners_resolve_references_from_their_namespace()
    {
        var spec = "basicAuth:\n  users: {name: users}";
        var errors = SecurityPolicyFeatures.Build(Policy(spec, ns: "route-ns"), Http, Fixtures(), out _, new SecurityFieldOwners { BasicAuth = "default" });
        Assert.That(errors.Any, Is.False);
    }
}
