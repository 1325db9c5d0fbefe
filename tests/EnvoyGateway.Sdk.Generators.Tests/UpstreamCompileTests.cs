using System.IO;
using System.Linq;
using EnvoyGateway.Sdk.Generators.Tests.Support;
using EnvoyGateway.Sdk.TestSupport;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests;

/// <summary>
/// Runs the generator over every upstream CRD in <c>../shared/reference</c> (Envoy Gateway and Gateway API) and
/// compiles the result against KubernetesClient, YamlDotNet, System.Text.Json and the runtime: no errors and no
/// warnings at warning level 9999 with nullable and documentation diagnostics on.
/// </summary>
[TestFixture]
public sealed class UpstreamCompileTests
{
    [Test]
    public void Generated_code_for_every_upstream_crd_compiles_without_errors_or_warnings()
    {
        string reference = SharedMaterial.Require("reference");
        var files = Directory.GetDirectories(reference)
            .OrderBy(d => d, System.StringComparer.Ordinal)
            .SelectMany(folder => Directory.GetFiles(folder, "*.yaml")
                .OrderBy(f => f, System.StringComparer.Ordinal)
                .Select(path => new CrdFile(path, File.ReadAllText(path), Namespace: "Upstream." + Naming.Identifier.Pascal(Path.GetFileName(folder), "Folder"))))
            .ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(13), "expected the Envoy Gateway and Gateway API CRDs");

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var (result, output) = GeneratorHarness.Run(files);
        stopwatch.Stop();
        var run = result.Results.Single();
        Assert.That(run.Exception, Is.Null);
        foreach (var info in run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Info))
        {
            TestContext.Out.WriteLine(info.ToString());
        }

        var generatorProblems = run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.That(generatorProblems, Is.Empty, "generator diagnostics");

        var kinds = run.GeneratedSources.Count(s => s.HintName.EndsWith(".Builders.g.cs", System.StringComparison.Ordinal));
        Assert.That(kinds, Is.GreaterThanOrEqualTo(files.Count), "at least one generated version per CRD");

        TestContext.Out.WriteLine($"generator time for {files.Count} CRDs: {stopwatch.Elapsed.TotalMilliseconds:F0} ms, {run.GeneratedSources.Length} files");
        Assert.That(output.SyntaxTrees.All(t => t.Options.DocumentationMode == Microsoft.CodeAnalysis.DocumentationMode.Diagnose), Is.True, "XML doc diagnostics must be on");

        var problems = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Take(30)
            .Select(d => d.ToString())
            .ToList();
        Assert.That(problems, Is.Empty, "compiler diagnostics in generated code");
    }
}
