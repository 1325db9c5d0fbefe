using System.Linq;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Validation.Tests;

/// <summary>
/// Route regular expressions RE2 refuses are reported as <c>re2</c> problems at the value's path (the API server takes
/// them, but Envoy Gateway leaves such a rule out of the configuration); valid RE2 and non-regex matches are not.
/// </summary>
public sealed class RouteRegexValidationTests
{
    [Test]
    public void Http_route_path_header_and_query_regexes_re2_refuses_are_reported_where_they_are()
    {
        var report = ResourceValidator.ValidateYaml("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: default}
            spec:
              parentRefs: [{name: eg}]
              rules:
              - matches:
                - path: {type: RegularExpression, value: "/(?<!admin)/x"}
                - path: {type: RegularExpression, value: "/\\pL+/\\Q.*\\E"}
                  headers:
                  - {name: x-ok, type: RegularExpression, value: "[[:digit:]]+"}
                  - {name: x-bad, type: RegularExpression, value: "(a)\\1"}
                  - {name: x-exact, value: "(a)\\1"}
                  queryParams:
                  - {name: q, type: RegularExpression, value: "a++"}
              - matches:
                - path: {type: Exact, value: "/(a)++"}
            """, "route.yaml").Single();

        Assert.That(report.Select(e => $"{e.Path} {e.Rule} {e.Position?.Line}"), Is.EqualTo(new[]
        {
            "spec.rules[0].matches[0].path.value re2 8",
            "spec.rules[0].matches[1].headers[1].value re2 12",
            "spec.rules[0].matches[1].queryParams[0].value re2 15",
        }));
        Assert.That(report[0].Message, Does.StartWith("lookbehind (?<= / (?<! is not supported by RE2 ("));
        Assert.That(report[0].Message, Does.Contain("Envoy Gateway does not translate this rule"));
        Assert.That(report[0].Value, Is.EqualTo("/(?<!admin)/x"));
        Assert.That(report[0].File, Is.EqualTo("route.yaml"));
    }

    [Test]
    public void Grpc_route_method_service_method_and_header_regexes_are_checked_only_for_regex_matches()
    {
        var report = ResourceValidator.ValidateYaml("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: {name: r, namespace: default}
            spec:
              parentRefs: [{name: eg}]
              rules:
              - matches:
                - method: {type: RegularExpression, service: "(?!internal).*", method: "Get\\e"}
                  headers: [{name: x-a, type: RegularExpression, value: "[z-a]"}]
                - method: {type: Exact, service: pkg.Service, method: Get}
                  headers: [{name: x-b, value: "(?!internal)"}]
            """).Single();

        Assert.That(report.Select(e => $"{e.Path} {e.Rule}"), Is.EqualTo(new[]
        {
            "spec.rules[0].matches[0].method.service re2",
            "spec.rules[0].matches[0].method.method re2",
            "spec.rules[0].matches[0].headers[0].value re2",
        }));
    }

    [Test]
    public void Other_kinds_are_not_route_checked_and_odd_shapes_do_not_break_the_check()
    {
        var reports = ResourceValidator.ValidateYaml("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: default}
            spec:
              parentRefs: [{name: eg}]
              rules:
              - matches: [{path: {type: RegularExpression, value: 42}}, "not a match", {headers: oops}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TLSRoute
            metadata: {name: t, namespace: default}
            spec:
              parentRefs: [{name: eg}]
              hostnames: ["(?=x)"]
              rules: [{backendRefs: [{name: s, port: 443}]}]
            """);

        Assert.That(reports.SelectMany(r => r).Where(e => e.Rule == ValidationRules.Re2), Is.Empty);
        Assert.That(reports[0].Select(e => e.Rule), Has.Some.EqualTo(ValidationRules.Type), "the schema still reports the odd shapes");
    }
}
