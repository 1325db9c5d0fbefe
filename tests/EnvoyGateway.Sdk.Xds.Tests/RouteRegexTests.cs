using System.Linq;
using EnvoyGateway.Sdk.Translation.Xds;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

/// <summary>
/// Route regular expressions RE2 refuses: as in Envoy Gateway the rule is not translated (Envoy would reject the whole
/// route configuration), and a warning names the route, rule, match and the RE2 error. The other rules stay.
/// </summary>
public class RouteRegexTests
{
    [TestCase("path: {type: RegularExpression, value: \"/(?<!admin)/x\"}",
        "HTTPRoute default/web rule 1 match 1: path regex \"/(?<!admin)/x\" is invalid: error parsing regexp: invalid named capture: `(?<!admin)/x`; the rule is not translated.")]
    [TestCase("headers: [{name: x-user, type: RegularExpression, value: \"(a)\\\\1\"}]",
        "HTTPRoute default/web rule 1 match 1: header x-user regex \"(a)\\\\1\" is invalid: error parsing regexp: invalid escape sequence: `\\1`; the rule is not translated.")]
    [TestCase("queryParams: [{name: q, type: RegularExpression, value: \"a++\"}]",
        "HTTPRoute default/web rule 1 match 1: query parameter q regex \"a++\" is invalid: error parsing regexp: invalid nested repetition operator: `++`; the rule is not translated.")]
    public void An_http_route_rule_with_a_regex_re2_refuses_is_left_out_with_a_warning(string badMatch, string warning)
    {
        var xds = Translate("HTTPRoute", $$$"""
            - matches: [{path: {type: PathPrefix, value: /ok}}]
              backendRefs: [{name: app, port: 3000}]
            - matches:
              - path: {type: PathPrefix, value: /also-fine}
              - {{{badMatch}}}
              backendRefs: [{name: app, port: 3000}]
            """);

        Assert.That(RouteNames(xds), Is.EqualTo(new[] { "httproute/default/web/rule/0/match/0/*" }), "the whole rule goes, its valid match too");
        Assert.That(xds.Clusters.Select(c => c.Name), Is.EqualTo(new[] { "httproute/default/web/rule/0" }));
        Assert.That(xds.Warnings, Is.EqualTo(new[] { warning }));
    }

    [Test]
    public void Regexes_re2_accepts_are_translated_even_where_dotnet_would_refuse_them()
    {
        var xds = Translate("HTTPRoute", """
            - matches:
              - path: {type: RegularExpression, value: "/\\pL+/\\x{41}/\\Q.*\\E"}
                headers: [{name: x-id, type: RegularExpression, value: "(?U)[[:digit:]]+"}]
              backendRefs: [{name: app, port: 3000}]
            """);

        var route = xds.Routes.Single().VirtualHosts.Single().Routes.Single();
        Assert.That(route.Match.SafeRegex.Regex, Is.EqualTo(@"/\pL+/\x{41}/\Q.*\E"));
        Assert.That(route.Match.Headers.Single().StringMatch.SafeRegex.Regex, Is.EqualTo("(?U)[[:digit:]]+"));
        Assert.That(xds.Warnings, Is.Empty);
    }

    [Test]
    public void A_grpc_route_rule_with_a_method_or_header_regex_re2_refuses_is_left_out_with_a_warning()
    {
        var xds = Translate("GRPCRoute", """
            - matches: [{method: {type: RegularExpression, service: "foo\\..*", method: "Get.*"}}]
              backendRefs: [{name: app, port: 3000}]
            - matches: [{method: {type: RegularExpression, service: "(?=foo).*"}}]
              backendRefs: [{name: app, port: 3000}]
            - matches: [{method: {type: RegularExpression, method: "Get\\Z"}, headers: [{name: x-a, type: RegularExpression, value: "[z-a]"}]}]
              backendRefs: [{name: app, port: 3000}]
            """);

        Assert.That(RouteNames(xds), Is.EqualTo(new[] { "grpcroute/default/web/rule/0/match/0/*" }));
        Assert.That(xds.Warnings, Is.EqualTo(new[]
        {
            "GRPCRoute default/web rule 1 match 0: method service regex \"(?=foo).*\" is invalid: error parsing regexp: invalid or unsupported Perl syntax: `(?=`; the rule is not translated.",
            "GRPCRoute default/web rule 2 match 0: method regex \"Get\\\\Z\" is invalid: error parsing regexp: invalid escape sequence: `\\Z`; the rule is not translated.",
            "GRPCRoute default/web rule 2 match 0: header x-a regex \"[z-a]\" is invalid: error parsing regexp: invalid character class range: `z-a`; the rule is not translated.",
        }));
    }

    [Test]
    public void An_exact_match_is_not_a_regex_whatever_it_holds()
    {
        var xds = Translate("HTTPRoute", """
            - matches: [{path: {type: Exact, value: "/(?=x)"}, headers: [{name: x, value: "(a)\\1"}], queryParams: [{name: q, value: "a++"}]}]
              backendRefs: [{name: app, port: 3000}]
            """);

        Assert.That(RouteNames(xds), Has.Length.EqualTo(1));
        Assert.That(xds.Warnings, Is.Empty);
    }

    private static GatewayXdsResources Translate(string kind, string rules) => Inputs.TranslateOne(Inputs.GatewayClass,
        Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80"), Inputs.Service("app", 3000, "10.0.0.1"), $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: {kind}
        metadata:
          name: web
          namespace: default
        spec:
          parentRefs:
          - name: eg
          rules:
        {string.Join("\n", rules.Split('\n').Select(l => "  " + l))}
        """);

    private static string[] RouteNames(GatewayXdsResources xds) =>
        xds.Routes.SelectMany(r => r.VirtualHosts).SelectMany(h => h.Routes).Select(r => r.Name).ToArray();
}
