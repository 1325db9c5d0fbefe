using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Validation.Tests;

/// <summary>Secrets, error text, defaulting, RE2 syntax, the CEL libraries and the compile cache.</summary>
[TestFixture]
public sealed class EngineTests
{
    private const string Secret = "s3cr3t-VALUE-that-must-not-leak";

    [TestCase("oidc: {provider: {issuer: 'https://idp'}, clientID: c, clientSecret: {name: s, namespace: " + Secret + "}}", "spec.oidc.clientSecret.namespace", "pattern")]
    [TestCase("apiKeyAuth: {extractFrom: [{headers: [x]}], credentialRefs: [{name: k, kind: '" + Secret + "!'}]}", "spec.apiKeyAuth.credentialRefs[0].kind", "pattern")]
    public void A_broken_secret_bearing_value_never_appears_in_the_error_text(string spec, string path, string rule)
    {
        var yaml = $"apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: SecurityPolicy\nmetadata: {{name: p, namespace: default}}\nspec: {{targetRefs: [{{group: gateway.networking.k8s.io, kind: Gateway, name: eg}}], {spec}}}\n";
        var report = OurSchemas.Validate(yaml);
        Assert.That(report.Select(e => e.Path + " " + e.Rule), Is.EquivalentTo(new[] { path + " " + rule }));
        var error = report.Single();
        Assert.That(error.Value, Is.EqualTo("<redacted>"));
        Assert.That(error.ToString() + error.Message, Does.Not.Contain("s3cr3t"));
    }

    [Test]
    public void ToString_is_file_line_column_path_rule_message()
    {
        var report = OurSchemas.Validate("apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata: {name: p}\nspec:\n  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]\n  circuitBreaker:\n    maxConnections: -1\n");
        Assert.That(report.Single().ToString(), Is.EqualTo("case.yaml:7:21: spec.circuitBreaker.maxConnections: minimum: -1 must be greater than or equal to 0"));
        Assert.That(report.Subject, Is.EqualTo("BackendTrafficPolicy p"));
    }

    [Test]
    public void Defaults_are_applied_before_checks_and_cel()
    {
        // "a" is absent: it is defaulted to {}, then its own "n" to 5, and only then does the CEL rule on "a" run.
        var schema = CrdSchema.Parse("""{"type":"object","properties":{"a":{"type":"object","default":{},"properties":{"n":{"type":"integer","default":5}},"x-kubernetes-validations":[{"rule":"self.n == 5","message":"n must be defaulted"}]}}}""");
        using var doc = JsonDocument.Parse("{}");
        Assert.That(ResourceValidator.Validate(doc.RootElement, schema), Is.Empty);
    }

    [Test]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var schema = CrdSchema.Parse("""{"type":"object","required":["z"],"properties":{"a":{"type":"integer","minimum":3},"b":{"type":"string","maxLength":1},"l":{"type":"array","items":{"type":"string"},"x-kubernetes-list-type":"set"}}}""");
        using var doc = JsonDocument.Parse("""{"a":1,"b":"xy","l":["q","q"],"extra":true}""");
        var report = ResourceValidator.Validate(doc.RootElement, schema);
        Assert.That(report.Select(e => e.Path + " " + e.Rule), Is.EquivalentTo(new[] { "extra unknownField", "z required", "a minimum", "b maxLength", "l[1] listSet" }));
    }

    [Test]
    public void Message_expression_field_path_and_reason_are_honoured()
    {
        var schema = CrdSchema.Parse("""{"type":"object","properties":{"spec":{"type":"object","properties":{"n":{"type":"integer"}},"x-kubernetes-validations":[{"rule":"self.n < 3","messageExpression":"'n is ' + string(self.n)","fieldPath":".n","reason":"FieldValueForbidden"}]}}}""");
        using var doc = JsonDocument.Parse("""{"spec":{"n":7}}""");
        var error = ResourceValidator.Validate(doc.RootElement, schema).Single();
        Assert.That((error.Path, error.Rule, error.Message), Is.EqualTo(("spec.n", "cel", "n is 7 (FieldValueForbidden)")));
    }

    [TestCase("^(a+)+$", null)]
    [TestCase("(?P<name>x)", null)]
    [TestCase("(?i)abc", null)]
    [TestCase("a(?=b)", "lookahead")]
    [TestCase("(?<!a)b", "lookbehind")]
    [TestCase(@"(a)\1", "backreference")]
    [TestCase("a++", "possessive")]
    [TestCase(@"abc\Z", @"\Z")]
    [TestCase("(?>a)", "atomic")]
    [TestCase("(?(1)a|b)", "conditional")]
    [TestCase("a{1001}", "1000")]
    [TestCase("[a-", "missing closing ]")]
    [TestCase(@"\Qa.b(\E+", null)]
    [TestCase(@"\pL\p{Greek}\P{^Han}[\pN_]", null)]
    [TestCase(@"\x{10FFFF}\x41\101\0", null)]
    [TestCase("(?U)a*(?i-s:b)(?)", null)]
    [TestCase(@"\_\@\/\ ", null)]
    [TestCase("[[:alpha:][:^digit:]]^*", null)]
    [TestCase("[a-z-[aeiou]]", null)]
    [TestCase(@"\e", @"escape \e")]
    [TestCase(@"\u0041", @"escape \u")]
    [TestCase(@"\cA", @"escape \c")]
    [TestCase(@"[\b]", @"escape \b")]
    [TestCase(@"\x{110000}", "hexadecimal")]
    [TestCase(@"\x4", "hexadecimal")]
    [TestCase("[[:foo:]]", "[:foo:]")]
    [TestCase("(?i-)a", "flag after '-'")]
    [TestCase("(?P<a b>x)", "group name")]
    [TestCase(@"\p{Gr-eek}", "Unicode class")]
    [TestCase("(?x)a b", "flag 'x'")]
    [TestCase("(a", "Not enough )'s")]
    public void Re2Syntax_rejects_what_RE2_rejects(string pattern, string? problem)
    {
        var result = Re2Syntax.Check(pattern);
        if (problem is null)
        {
            Assert.That(result, Is.Null);
        }
        else
        {
            Assert.That(result, Does.Contain(problem));
        }
    }

    [TestCase("'Hello'.lowerAscii() == 'hello' && 'a'.upperAscii() == 'A'")]
    [TestCase("'  x '.trim() == 'x' && 'abc'.substring(1) == 'bc' && 'abcd'.substring(1, 3) == 'bc'")]
    [TestCase("'a/b/c'.split('/').size() == 3 && ['a', 'b'].join('-') == 'a-b' && 'aXbX'.replace('X', '') == 'ab'")]
    [TestCase("'hello'.indexOf('l') == 2 && 'hello'.lastIndexOf('l') == 3 && 'hello'.charAt(1) == 'e'")]
    [TestCase("'%s=%d'.format(['a', 1]) == 'a=1'")]
    [TestCase("[1, 2, 3].isSorted() && [1, 2, 3].sum() == 6 && [3, 1].min() == 1 && [3, 1].max() == 3 && [1, 2].indexOf(2) == 1")]
    [TestCase("'abc123'.find('[0-9]+') == '123' && 'a1b2'.findAll('[0-9]').size() == 2 && 'abc'.matches('^a')")]
    [TestCase("isURL('https://example.com:8443/p?q=1') && url('https://example.com:8443/p').getHostname() == 'example.com' && url('https://example.com:8443/p').getPort() == '8443'")]
    [TestCase("isIP('10.0.0.1') && !isIP('10.0.0.01') && ip('::1').family() == 6 && ip('127.0.0.1').isLoopback()")]
    [TestCase("isCIDR('10.0.0.0/8') && cidr('10.0.0.0/8').containsIP('10.1.2.3') && cidr('10.0.0.0/8').prefixLength() == 8")]
    [TestCase("isQuantity('1Gi') && quantity('1Gi').isGreaterThan(quantity('1G')) && quantity('500m').asApproximateFloat() == 0.5")]
    [TestCase("!format.dns1123Label().validate('my-name').hasValue() && format.dns1123Label().validate('My_Name').hasValue()")]
    [TestCase("format.named('dns1123Subdomain').hasValue() && !format.named('nope').hasValue()")]
    [TestCase("optional.of(1).orValue(2) == 1 && optional.none().orValue(2) == 2 && self.?missing.orValue(3) == 3")]
    [TestCase("has(self.empty) && !has(self.missing)")]
    public void Kubernetes_cel_libraries_work(string rule)
    {
        var self = new System.Collections.Generic.Dictionary<string, object?> { ["empty"] = new System.Collections.Generic.List<object?>() };
        var outcome = CelRules.Evaluate(rule, self);
        Assert.That(outcome.Kind, Is.EqualTo(CelOutcomeKind.Passed), outcome.Detail);
    }

    [Test]
    public void An_unknown_function_is_reported_as_not_evaluated_never_as_passing()
    {
        var schema = CrdSchema.Parse("""{"type":"object","properties":{"l":{"type":"array","items":{"type":"string"},"x-kubernetes-validations":[{"rule":"self.all(x, x.frobnicate())"},{"rule":"self.frobnicate()"}]}}}""");
        using var doc = JsonDocument.Parse("""{"l":["a"]}""");
        var report = ResourceValidator.Validate(doc.RootElement, schema);
        Assert.That(report.Select(e => e.Rule), Is.EqualTo(new[] { "celNotEvaluated", "celNotEvaluated" }));
    }

    [Test]
    public void Each_distinct_rule_is_compiled_once()
    {
        var rule = "self.size() >= 0 && 'compile-once-marker' != ''";
        CelRules.Evaluate(rule, "x");
        var count = CelRules.CompiledCount;
        for (var i = 0; i < 5; i++)
        {
            CelRules.Evaluate(rule, "y");
        }

        Assert.That(CelRules.CompiledCount, Is.EqualTo(count));
    }

    [Test]
    public void Cel_is_skipped_below_a_blocking_error()
    {
        var schema = CrdSchema.Parse("""{"type":"object","properties":{"o":{"type":"object","properties":{"n":{"type":"integer"}},"x-kubernetes-validations":[{"rule":"self.n > 0"}]}}}""");
        using var doc = JsonDocument.Parse("""{"o":{"n":"text"}}""");
        Assert.That(ResourceValidator.Validate(doc.RootElement, schema).Select(e => e.Path + " " + e.Rule), Is.EqualTo(new[] { "o.n type" }));
    }
}
