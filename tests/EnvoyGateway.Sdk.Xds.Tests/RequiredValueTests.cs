using System.Linq;
using Envoy.Config.Route.V3;
using EnvoyGateway.Sdk.Translation.Xds;
using EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;
using EnvoyGateway.Sdk.Xds.Tests.Security;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

/// <summary>
/// Inputs the API server would refuse but a file can hold (a TLS Secret without a certificate value, a rate limit with an
/// unknown unit, null list items in a SecurityPolicy): translated without a crash, the bad part skipped with a warning or
/// the policy's routes answering 500, never a half-built resource.
/// </summary>
public class RequiredValueTests
{
    private static GatewayXdsResources HttpsGateway(string data) => Inputs.TranslateOne(Inputs.GatewayClass,
        Inputs.Gateway("eg", "- name: https\n  protocol: HTTPS\n  port: 443\n  tls:\n    certificateRefs:\n    - name: cert"), $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: cert
          namespace: default
        type: kubernetes.io/tls
        data:
        {data}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: web
          namespace: default
        spec:
          parentRefs:
          - name: eg
          rules:
          - backendRefs:
            - name: web
              port: 80
        """, Inputs.Service("web", 80, "10.0.6.1"));

    [TestCase("  tls.crt: null\n  tls.key: a2V5", "tls.crt")]
    [TestCase("  tls.crt: Y2VydA==\n  tls.key: ''", "tls.key")]
    public void A_tls_secret_key_without_a_value_is_skipped_with_a_warning(string data, string key)
    {
        var xds = HttpsGateway(data);
        Assert.Multiple(() =>
        {
            Assert.That(xds.Secrets, Is.Empty);
            Assert.That(xds.Warnings, Does.Contain(
                $"Gateway default/eg listener https: certificate Secret default/cert has no value at data[\"{key}\"]; the certificate is skipped."));
        });
    }

    [TestCase("rateLimit:\n  type: Local\n  local:\n    rules:\n    - limit: {requests: 10, unit: Fortnight}", "spec.rateLimit.local.rules[0].limit.unit: unknown unit \"Fortnight\"")]
    [TestCase("rateLimit:\n  type: Global\n  global:\n    rules:\n    - clientSelectors: [{headers: [{name: x-user, type: Distinct}]}]\n      limit: {requests: 10, unit: Fortnight}", "spec.rateLimit.global.rules[0].limit.unit: unknown unit \"Fortnight\"")]
    [TestCase("rateLimit:\n  type: Local\n  local:\n    rules:\n    - clientSelectors: [{headers: [{value: a}]}]\n      limit: {requests: 10, unit: Hour}", "spec.rateLimit.local.rules[0].clientSelectors[0].headers[0].name is required")]
    public void A_rate_limit_the_crd_would_refuse_makes_the_route_answer_500_instead_of_a_zero_fill_interval(string spec, string problem)
    {
        var xds = BtpInputs.Translate(spec);
        var route = xds.Route();
        Assert.Multiple(() =>
        {
            Assert.That(route.ActionCase, Is.EqualTo(Route.ActionOneofCase.DirectResponse));
            Assert.That(route.DirectResponse.Status, Is.EqualTo(500));
            Assert.That(route.TypedPerFilterConfig, Is.Empty);
            Assert.That(xds.Warnings, Has.Some.Contains("backendtrafficpolicy/default/policy: invalid (RateLimit: " + problem));
            Assert.That(xds.Warnings, Has.None.Contains("fillInterval"));
        });
    }

    [TestCase("  cors:\n    allowOrigins: [null]", "envoy.filters.http.cors")]
    [TestCase("  cors:\n    allowOrigins: [https://a.com]\n    allowHeaders: [null]", "envoy.filters.http.cors")]
    [TestCase("  authorization:\n    rules:\n    - action: Allow\n      principal: {headers: [{name: x-a, values: [null]}]}", "envoy.filters.http.rbac")]
    [TestCase("  jwt:\n    providers:\n    - name: p\n      remoteJWKS: {uri: https://a.com/jwks}\n      extractFrom: {headers: [{valuePrefix: x}]}", "envoy.filters.http.jwt_authn")]
    public void A_security_policy_with_a_null_item_answers_500_without_the_broken_feature(string spec, string filter)
    {
        var xds = SecurityInputs.Translate(SecurityInputs.Policy("broken", "HTTPRoute", "backend", spec));
        var route = SecurityInputs.XdsRoute(xds, SecurityInputs.BackendRoute);
        Assert.Multiple(() =>
        {
            Assert.That(route.ActionCase, Is.EqualTo(Route.ActionOneofCase.DirectResponse));
            Assert.That(route.DirectResponse.Status, Is.EqualTo(500));
            Assert.That(route.TypedPerFilterConfig.Keys.Where(k => k.StartsWith(filter, System.StringComparison.Ordinal)), Is.Empty);
            Assert.That(SecurityInputs.XdsRoute(xds, SecurityInputs.OtherRoute).ActionCase, Is.EqualTo(Route.ActionOneofCase.Route_));
        });
    }
}
