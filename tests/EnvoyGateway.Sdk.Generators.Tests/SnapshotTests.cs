using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EnvoyGateway.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests;

/// <summary>Exact-text snapshots of the generated code for small test CRDs (see <see cref="Baseline"/>).</summary>
[TestFixture]
public sealed class SnapshotTests
{
    [Test]
    public void Widgets_multi_document_yaml_with_two_versions()
    {
        VerifyScenario("Widgets", new CrdFile("crds/widgets.yaml", TestPaths.ReadTestData("widgets.yaml"), Namespace: "Example.Widgets"));
    }

    [Test]
    public void Gadgets_json_with_unserved_version_and_root_namespace()
    {
        VerifyScenario("Gadgets", new CrdFile("crds/gadgets.json", TestPaths.ReadTestData("gadgets.json")));
    }

    [Test]
    public void Oddities_names_collisions_and_unsupported_constructs()
    {
        VerifyScenario("Oddities", new CrdFile("crds/oddities.yaml", TestPaths.ReadTestData("oddities.yaml"), Namespace: "Example.Odd"));
    }

    [Test]
    public void Catalogs_list_adders_singular_params_and_fallback_names()
    {
        VerifyScenario("Catalogs", new CrdFile("crds/catalogs.yaml", TestPaths.ReadTestData("catalogs.yaml"), Namespace: "Example.Catalogs"));
    }

    [Test]
    public void Output_is_identical_under_another_culture()
    {
        var file = new CrdFile("crds/widgets.yaml", TestPaths.ReadTestData("widgets.yaml"), Namespace: "Example.Widgets");
        string Render() => string.Join("\n", GeneratorHarness.Run([file]).Result.Results[0].GeneratedSources.Select(s => s.SourceText.ToString()));

        string invariant = Render();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            Assert.That(Render(), Is.EqualTo(invariant));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static void VerifyScenario(string scenario, CrdFile file)
    {
        var (result, output) = GeneratorHarness.Run([file]);
        var run = result.Results.Single();
        Assert.That(run.Exception, Is.Null);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString());
        Assert.That(problems, Is.Empty, "the generated code must compile without warnings");
        var files = run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        files["diagnostics"] = Describe(run.Diagnostics);
        Baseline.Verify(scenario, files);
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal))
        {
            var span = diagnostic.Location.GetLineSpan();
            text.Append(CultureInfo.InvariantCulture, $"{diagnostic.Id} {diagnostic.Severity} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}\n");
        }

        return text.ToString();
    }
}
