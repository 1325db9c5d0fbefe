using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace EnvoyGateway.Cli.Tests;

/// <summary>
/// <c>egsdk to-csharp</c> output compiles, and running it rebuilds objects JSON-equal to the input documents.
/// </summary>
public sealed class ToCSharpTests
{
    private static readonly string Scenario = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scenario.yaml");

    [Test]
    public void Every_scenario_document_is_rebuilt_by_the_emitted_code()
    {
        var rebuilt = RoundTrip([Scenario], out var excluded);

        Assert.That(excluded, Is.Empty);
        Assert.That(rebuilt, Is.EqualTo(15), "documents compared");
    }

    [Test]
    public void Every_conformance_input_is_rebuilt_by_the_emitted_code()
    {
        var corpus = SharedMaterial.Require("conformance");
        var inputs = Directory.EnumerateFiles(corpus, "in.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var rebuilt = RoundTrip(inputs, out var excluded);

        Assert.That(inputs, Has.Count.GreaterThan(50));
        Assert.That(excluded, Has.Count.LessThan(inputs.Count / 20), "inputs with fields the builders cannot express: " + string.Join(", ", excluded));
        Assert.That(rebuilt, Is.GreaterThan(inputs.Count * 2), "documents compared");
    }

    [Test]
    public void The_code_reads_like_hand_written_builder_code()
    {
        var (exit, stdout, stderr) = CliRunner.Run("to-csharp", Scenario, "--class", "EdgePolicies");

        Assert.That((exit, stderr), Is.EqualTo((0, string.Empty)));
        Assert.That(stdout, Does.Contain("""
                public static BackendTrafficPolicy GatewayDefaults() =>
                    BackendTrafficPolicy.Build("gateway-defaults", "infra")
                        .Spec(b => b
                            .TargetGateway("edge")
                            .CircuitBreaker(c => c.MaxConnections(100))
                            .Timeout(c => c.Http(d => d.RequestTimeout("10s"))))
                        .Build();
            """.Replace("\r\n", "\n")));
        Assert.That(stdout, Does.Contain("""
                        .Spec(b => b.TargetHTTPRoute("shop", sectionName: "checkout").Retry(c => c.NumRetries(5)))
            """.Replace("\r\n", "\n")));
        Assert.That(stdout, Does.Contain(".AddParentRef(c => c.Name(\"edge\").Namespace(\"infra\").SectionName(\"http\"))"));
        Assert.That(stdout, Does.Contain(".Cors(c => c.AddAllowOrigin(\"https://example.com\"))"));
        Assert.That(stdout, Does.Contain("public static class EdgePolicies"));
    }

    [Test]
    public void Target_shortcuts_are_used_only_where_they_build_the_same_object()
    {
        var yaml = """
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: BackendTrafficPolicy
            metadata: {namespace: apps, name: btp}
            spec:
              targetRefs:
              - {group: gateway.networking.k8s.io, kind: Gateway, name: edge, sectionName: https}
              - {group: gateway.networking.k8s.io, kind: UDPRoute, name: dns}
              - {group: "", kind: Service, name: shop}
              - {group: gateway.networking.k8s.io, kind: HTTPRoute, name: shop}
            ---
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: ClientTrafficPolicy
            metadata: {namespace: apps, name: ctp}
            spec:
              targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: shop}]
            ---
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: SecurityPolicy
            metadata: {namespace: apps, name: sp}
            spec:
              targetSelectors:
              - {group: gateway.networking.k8s.io, kind: HTTPRoute, matchLabels: {tier: web, app: shop}}
              - {kind: HTTPRoute, matchLabels: {app: blog}}
              - {group: gateway.networking.k8s.io, kind: Gateway, matchLabels: {edge: "true"}, namespaces: {from: All}}
            """;
        var dir = Directory.CreateTempSubdirectory("egsdk-to-csharp-");
        try
        {
            var file = Path.Combine(dir.FullName, "targets.yaml");
            File.WriteAllText(file, yaml);

            var (exit, stdout, stderr) = CliRunner.Run("to-csharp", file);
            var rebuilt = RoundTrip([file], out var excluded);

            Assert.That((exit, stderr), Is.EqualTo((0, string.Empty)));
            Assert.That((rebuilt, excluded.Count), Is.EqualTo((3, 0)));
            Assert.That(stdout, Does.Contain(""".TargetGateway("edge", sectionName: "https")"""));
            Assert.That(stdout, Does.Contain(""".TargetUDPRoute("dns")"""));
            Assert.That(stdout, Does.Contain(""".TargetHTTPRoute("shop")"""));
            Assert.That(stdout, Does.Contain(""".AddTargetRef(c => c.Group("").Kind("Service").Name("shop"))"""), "not a Gateway API target");
            Assert.That(stdout, Does.Contain(""".AddTargetRef(c => c.Group("gateway.networking.k8s.io").Kind("HTTPRoute").Name("shop"))"""), "ClientTrafficPolicy has no route shortcuts");
            Assert.That(stdout, Does.Contain(""".TargetSelector("HTTPRoute", ("app", "shop"), ("tier", "web"))"""));
            Assert.That(stdout, Does.Contain(""".AddTargetSelector(c => c.Kind("HTTPRoute").MatchLabels("app", "blog"))"""), "no group: the shortcut would add one");
            Assert.That(stdout, Does.Contain(""".MatchLabels("edge", "true")""").And.Not.Contain(".TargetSelector(\"Gateway\""), "namespaces are not in the shortcut");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Test]
    public void Kinds_without_builders_and_unknown_fields_are_reported_not_dropped_silently()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata: {namespace: apps, name: shop}
            spec: {ports: [{port: 80}]}
            ---
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: BackendTrafficPolicy
            metadata: {namespace: apps, name: p}
            spec:
              targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: shop}]
              futureField: 1
            """;

        var (exit, stdout, stderr) = CliRunner.RunWithStdin(yaml, "to-csharp", "-");

        Assert.That(exit, Is.Zero);
        Assert.That(stdout, Does.Contain("public static BackendTrafficPolicy P() =>"));
        Assert.That(stderr.Replace("\r\n", "\n"), Is.EqualTo(
            "egsdk: warning: <stdin>:1: Service apps/shop: not a kind with generated builders; skipped\n"
            + "egsdk: warning: <stdin>:6: BackendTrafficPolicy apps/p: .spec.futureField: not in the schema, no builder method; not emitted\n"));
    }

    [Test]
    public void A_missing_file_exits_1_and_a_bad_class_name_exits_2()
    {
        Assert.That(CliRunner.Run("to-csharp", "nope.yaml"), Is.EqualTo((1, string.Empty, "egsdk: nope.yaml: no such file" + Environment.NewLine)));
        Assert.That(CliRunner.Run("to-csharp", Scenario, "--class", "not-a-name").ExitCode, Is.EqualTo(2));
    }

    // Generates code for every file through the CLI, compiles it all at once, runs it and compares each object with
    // the document it came from. Files the tool warns it cannot fully express (fields outside the schema) are
    // excluded and returned. Returns how many documents were compared.
    private static int RoundTrip(IReadOnlyList<string> files, out List<string> excluded)
    {
        var trees = new List<SyntaxTree>();
        var warnings = new List<string>();
        excluded = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var (exit, code, stderr) = CliRunner.Run("to-csharp", files[i], "--class", $"Input{i}");
            Assert.That(exit, Is.Zero, stderr);
            warnings.Add(stderr);
            if (stderr.Contains("not emitted", StringComparison.Ordinal))
            {
                excluded.Add(files[i]);
                continue;
            }

            trees.Add(CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: files[i]));
        }

        var assembly = Compile(trees);
        var compared = 0;
        for (var i = 0; i < files.Count; i++)
        {
            if (excluded.Contains(files[i]))
            {
                continue;
            }

            var built = (IReadOnlyList<object>)assembly.GetType($"Input{i}")!.GetMethod("All")!.Invoke(null, null)!;
            var expected = ResourceSerializer.LoadYaml(File.ReadAllText(files[i]), files[i])
                .Where(r => r.Resource.GetType().Namespace is "EnvoyGateway.Sdk.Policies.V1Alpha1" or "EnvoyGateway.Sdk.GatewayApi.V1").ToList();
            Assert.That(built, Has.Count.EqualTo(expected.Count), files[i]);
            for (var d = 0; d < expected.Count; d++)
            {
                var want = JsonNode.Parse(ResourceSerializer.ToJson(expected[d].Resource, indented: false))!;
                var got = JsonNode.Parse(ResourceSerializer.ToJson(built[d], indented: false))!;
                if ((string?)want["apiVersion"] != (string?)got["apiVersion"])
                {
                    // an older served version of the same schema: the builder writes the current one, and says so
                    Assert.That(warnings[i], Does.Contain($"apiVersion {want["apiVersion"]} is emitted as {got["apiVersion"]} (the same schema)"));
                    want["apiVersion"] = (string?)got["apiVersion"];
                }

                Assert.That(JsonNode.DeepEquals(got, want), Is.True, $"{files[i]} document {d}:\n want {want}\n got  {got}");
                compared++;
            }
        }

        return compared;
    }

    private static Assembly Compile(List<SyntaxTree> trees)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(TestContext.CurrentContext.TestDirectory, "*.dll"))
            .DistinctBy(Path.GetFileName)
            .Where(IsManaged)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("ToCSharpRoundTrip", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(d => d.ToString());
        Assert.That(result.Success, Is.True, string.Join("\n", errors));
        image.Position = 0;
        return new AssemblyLoadContext("to-csharp", isCollectible: true).LoadFromStream(image);
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
