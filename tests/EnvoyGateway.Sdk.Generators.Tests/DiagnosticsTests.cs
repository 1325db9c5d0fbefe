using System;
using System.Globalization;
using System.Linq;
using EnvoyGateway.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests;

/// <summary>Diagnostics point at the right place in the CRD file, and the generator never throws.</summary>
[TestFixture]
public sealed class DiagnosticsTests
{
    private const string Header = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: things.test.egsdk.io
        spec:
          group: test.egsdk.io
        """;

    [Test]
    public void A_yaml_syntax_error_in_a_crd_gives_EGSDK1001_at_its_line()
    {
        string text = Header + """

              names:
                kind: Thing
                plural: things
              versions:
              - name: v1
                served: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties: {spec: [unclosed
            """;

        var diagnostic = Single(text, "EGSDK1001");
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo("crds/thing.yaml"));
            Assert.That(Line(diagnostic), Is.GreaterThanOrEqualTo(LineOf(text, "properties: {spec")));
        });
    }

    [Test]
    public void A_crd_without_a_kind_name_gives_EGSDK1001_at_the_names_mapping()
    {
        string text = Header + """

              names:
                plural: things
              versions: []
            """;

        var diagnostic = Single(text, "EGSDK1001");
        Assert.Multiple(() =>
        {
            Assert.That(Line(diagnostic), Is.EqualTo(LineOf(text, "plural: things")));
            Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Does.Contain("spec.names.kind"));
        });
    }

    [Test]
    public void A_v1beta1_crd_gives_EGSDK1001_at_the_api_version()
    {
        string text = Header.Replace("apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1", StringComparison.Ordinal);
        var diagnostic = Single(text, "EGSDK1001");
        Assert.That(Line(diagnostic), Is.EqualTo(1));
    }

    [Test]
    public void A_shape_changing_oneOf_gives_EGSDK1002_and_a_RawJson_property()
    {
        string text = Header + """

              names:
                kind: Thing
                plural: things
              versions:
              - name: v1
                served: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          target:
                            oneOf:
                            - properties:
                                a: {type: string}
                            - properties:
                                b: {type: integer}
            """;

        var (result, _) = GeneratorHarness.Run([new CrdFile("crds/thing.yaml", text)]);
        var diagnostic = result.Diagnostics.Single(d => d.Id == "EGSDK1002");
        string model = result.Results.Single().GeneratedSources.Single(s => s.HintName == "test.egsdk.io.v1.Thing.g.cs").SourceText.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Info));
            Assert.That(Line(diagnostic), Is.EqualTo(LineOf(text, "oneOf:")));
            Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Does.Contain("spec.target"));
            Assert.That(model, Does.Contain("global::EnvoyGateway.Sdk.Runtime.RawJson? Target { get; set; }"));
        });
    }

    [Test]
    public void An_invalid_namespace_gives_EGSDK1004()
    {
        var (result, _) = GeneratorHarness.Run([new CrdFile("crds/widgets.yaml", TestPaths.ReadTestData("widgets.yaml"), Namespace: "Not A.Namespace")]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "EGSDK1004" }));
            Assert.That(result.GeneratedTrees, Is.Empty);
        });
    }

    [Test]
    public void An_unknown_requested_version_gives_EGSDK1005_and_the_known_one_is_generated()
    {
        var (result, _) = GeneratorHarness.Run([new CrdFile("crds/widgets.yaml", TestPaths.ReadTestData("widgets.yaml"), Versions: "v1, v7")]);
        var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Single().Id, Is.EqualTo("EGSDK1005"));
            Assert.That(result.Diagnostics.Single().GetMessage(CultureInfo.InvariantCulture), Does.Contain("'v7'"));
            Assert.That(hints, Does.Contain("example.egsdk.io.v1.Widget.g.cs").And.Not.Contain("example.egsdk.io.v1alpha1.Widget.g.cs"));
        });
    }

    [Test]
    public void Files_that_are_not_crds_are_ignored_silently()
    {
        var (result, _) = GeneratorHarness.Run(
        [
            new CrdFile("deploy/values.yaml", "replicas: 3\nimage: nginx\n"),
            new CrdFile("deploy/broken.yaml", "a: [unclosed\n"),
            new CrdFile("deploy/config.json", "{\"kind\": \"ConfigMap\"}"),
            new CrdFile("notes.txt", "kind: CustomResourceDefinition"),
        ]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.GeneratedTrees, Is.Empty);
        });
    }

    [Test]
    public void The_same_crd_in_two_namespaces_gets_distinct_hint_names()
    {
        string text = TestPaths.ReadTestData("gadgets.json");
        var (result, output) = GeneratorHarness.Run([new CrdFile("a/gadgets.json", text, Namespace: "First"), new CrdFile("b/gadgets.json", text, Namespace: "Second")]);
        var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Results.Single().Exception, Is.Null);
            Assert.That(hints, Does.Contain("example.egsdk.io.v1beta1.Gadget.g.cs").And.Contain("example.egsdk.io.v1beta1.Gadget.2.g.cs"));
            Assert.That(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        });
    }

    [Test]
    public void The_generator_never_throws_on_truncated_or_mangled_crds()
    {
        string widgets = TestPaths.ReadTestData("widgets.yaml");
        var inputs = Enumerable.Range(1, 40).Select(i => widgets[..(widgets.Length * i / 41)])
            .Concat(
            [
                string.Empty,
                "kind: CustomResourceDefinition",
                "kind: CustomResourceDefinition\napiVersion: apiextensions.k8s.io/v1\nspec: 5",
                "kind: CustomResourceDefinition\napiVersion: apiextensions.k8s.io/v1\nspec: {group: g, names: {kind: K, plural: ks}, versions: [5, {name: v1}, {name: v2, schema: {openAPIV3Schema: {properties: 7}}}]}",
                "kind: CustomResourceDefinition\napiVersion: apiextensions.k8s.io/v1\nspec: {group: g, names: {kind: '', plural: ks}, versions: []}",
                "kind: CustomResourceDefinition\napiVersion: apiextensions.k8s.io/v1\nspec: {group: g, names: {kind: K, plural: ks}, versions: [{name: v1, schema: {openAPIV3Schema: {type: object, properties: {spec: {type: array, items: [1]}, a: {type: object, additionalProperties: {type: [x]}}, b: {enum: [{}]}}}}}]}",
                "{\"kind\": \"CustomResourceDefinition\", \"apiVersion\": ",
                "kind: CustomResourceDefinition\n\t\u0000\uffff",
                "kind: CustomResourceDefinition\na: b\na: c",
            ])
            .Select((text, i) => new CrdFile($"crds/input{i}.yaml", text))
            .ToList();

        foreach (var input in inputs)
        {
            var (result, _) = GeneratorHarness.Run([input]);
            var run = result.Results.Single();
            Assert.That(run.Exception, Is.Null, input.Text);
            Assert.That(result.Diagnostics.Where(d => d.Id is "EGSDK1000" or "CS8785"), Is.Empty, input.Text);
        }
    }

    private static Diagnostic Single(string text, string id)
    {
        var (result, _) = GeneratorHarness.Run([new CrdFile("crds/thing.yaml", text)]);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { id }));
        return result.Diagnostics[0];
    }

    /// <summary>The one-based line of a diagnostic.</summary>
    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>The one-based line of the first occurrence of <paramref name="marker"/>.</summary>
    private static int LineOf(string text, string marker)
    {
        int index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), marker);
        return text[..index].Count(c => c == '\n') + 1;
    }
}
