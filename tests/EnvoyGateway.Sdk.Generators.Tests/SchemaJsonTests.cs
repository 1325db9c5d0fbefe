using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using EnvoyGateway.Sdk.Generators.Model;
using EnvoyGateway.Sdk.Generators.Parsing;
using EnvoyGateway.Sdk.Generators.Tests.Support;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests;

/// <summary>
/// The schema JSON the generator carries and compiles in is the CRD's <c>openAPIV3Schema</c> exactly as the runtime
/// reads the YAML (same key order, same scalar types), less the schema descriptions; and the raw string literal that
/// holds it reads back as that JSON whatever it contains.
/// </summary>
[TestFixture]
public sealed class SchemaJsonTests
{
    private const string UnmodelledKind = "EgsdkUnmodelledDefinition";
    private static readonly string[] SchemaListKeywords = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] SchemaKeywords = ["items", "additionalProperties", "additionalItems", "not"];
    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "definitions"];

    [Test]
    public void Schema_json_of_the_test_crds_matches_the_runtime_reading_without_descriptions()
    {
        foreach (string name in new[] { "widgets.yaml", "gadgets.json", "oddities.yaml" })
        {
            AssertMatchesRuntime(Path.Combine(TestPaths.TestData, name));
        }
    }

    [Test]
    public void Schema_json_of_our_schemas_and_every_upstream_crd_matches_the_runtime_reading()
    {
        var files = Directory.GetFiles(Path.Combine(SharedMaterial.RepositoryRoot, "schemas"), "*.yaml").ToList();
        string reference = SharedMaterial.Require("reference");
        files.AddRange(Directory.GetDirectories(reference).SelectMany(folder => Directory.GetFiles(folder, "*.yaml")));
        files.Sort(System.StringComparer.Ordinal);
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(25));

        int versions = 0;
        foreach (string file in files)
        {
            versions += AssertMatchesRuntime(file);
        }

        Assert.That(versions, Is.GreaterThanOrEqualTo(files.Count));
    }

    [Test]
    public void Writing_the_schema_json_is_cheap_compared_with_parsing()
    {
        string reference = SharedMaterial.Require("reference");
        var texts = Directory.GetDirectories(reference).SelectMany(folder => Directory.GetFiles(folder, "*.yaml")).Select(File.ReadAllText).ToList();
        var schemas = texts.SelectMany(OpenApiSchemas).ToList();
        Assert.That(schemas, Is.Not.Empty);

        foreach (var schema in schemas)
        {
            SchemaJsonWriter.Write(schema, 1024); // warm up
        }

        var write = Stopwatch.StartNew();
        long characters = 0;
        foreach (var schema in schemas)
        {
            characters += SchemaJsonWriter.Write(schema, 1024).Length;
        }

        write.Stop();
        var parse = Stopwatch.StartNew();
        foreach (string text in texts)
        {
            CrdParser.Parse(new CrdInput("x.yaml", text, "Upstream", null), CancellationToken.None);
        }

        parse.Stop();
        TestContext.Out.WriteLine($"schema JSON for {schemas.Count} versions: {characters} chars in {write.Elapsed.TotalMilliseconds:F1} ms; full parse (YAML + walk + JSON): {parse.Elapsed.TotalMilliseconds:F1} ms");
        Assert.That(write.Elapsed, Is.LessThan(parse.Elapsed), "writing the JSON must stay a small part of the parse step");
    }

    [Test]
    public void The_registered_raw_string_holds_the_json_exactly_whatever_quotes_and_line_separators_it_contains()
    {
        const string crd = "apiVersion: apiextensions.k8s.io/v1\n"
            + "kind: CustomResourceDefinition\n"
            + "metadata: {name: quirks.q.egsdk.io}\n"
            + "spec:\n"
            + "  group: q.egsdk.io\n"
            + "  names: {kind: Quirk, plural: quirks}\n"
            + "  scope: Namespaced\n"
            + "  versions:\n"
            + "  - name: v1\n"
            + "    served: true\n"
            + "    storage: true\n"
            + "    schema:\n"
            + "      openAPIV3Schema:\n"
            + "        type: object\n"
            + "        description: dropped\n"
            + "        properties:\n"
            + "          spec:\n"
            + "            type: object\n"
            + "            x-kubernetes-validations:\n"
            + "            - rule: \"self.quote != '\\\"\\\"\\\"\\\"'\"\n"
            + "              message: \"no \\\"\\\"\\\"\\\" here\"\n"
            + "            properties:\n"
            + "              description: {type: string, description: dropped too, default: kept}\n"
            + "              quote: {type: string, pattern: '^\"{3,5}$', enum: ['\"\"\"\"\"\"', \"a\\u2028b\\u0085c\", '', 'q\"']}\n"
            + "              count: {type: integer, default: 007, maximum: 1e3}\n";
        var (result, output) = GeneratorHarness.Run([new CrdFile("crds/quirks.yaml", crd, Namespace: "Example.Quirks")]);
        Assert.That(result.Results.Single().Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning), Is.Empty);
        Assert.That(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()), Is.Empty);

        string expected = CrdParser.Parse(new CrdInput("crds/quirks.yaml", crd, "Example.Quirks", null), CancellationToken.None).Versions.Single().SchemaJson;
        var registry = result.Results.Single().GeneratedSources.Single(s => s.HintName == "EgsdkGeneratedKinds.g.cs").SyntaxTree;
        var literal = registry.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Single(l => l.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken));
        Assert.Multiple(() =>
        {
            Assert.That(literal.Token.ValueText, Is.EqualTo(expected));
            Assert.That(literal.Token.Text, Does.StartWith("\"\"\"\n").And.Not.StartWith("\"\"\"\""), "JSON escapes inner quotes, so three always suffice");
            Assert.That(expected, Does.Contain("\"enum\":[\"\\\"\\\"\\\"\\\"\\\"\\\"\",").And.Contain(",\"\",\"q\\\"\"]"), "empty and quote-ending strings make quote runs of two");
            Assert.That(expected, Does.Not.Contain("dropped"));
            Assert.That(expected, Does.Contain("\"description\":{\"type\":\"string\",\"default\":\"kept\"}"));
            Assert.That(expected, Does.Contain("\"default\":\"007\",\"maximum\":1e3"), "YAML 1.2 core: 007 is not a JSON number, so it stays text");
            Assert.That(expected, Does.Contain("a\\u2028b\\u0085c"));
        });
    }

    /// <summary>Compares every generated version of <paramref name="path"/> with the runtime's reading; returns the count.</summary>
    private static int AssertMatchesRuntime(string path)
    {
        string text = File.ReadAllText(path);
        var models = CrdParser.Parse(new CrdInput(path, text, "Example.Check", null), CancellationToken.None).Versions;
        var runtime = RuntimeSchemas(text, path);
        foreach (CrdVersionModel model in models)
        {
            Assert.That(runtime.ContainsKey(model.ApiVersion + "/" + model.Kind), Is.True, $"{path}: {model.ApiVersion} {model.Kind} not found by the runtime");
            string expected = runtime[model.ApiVersion + "/" + model.Kind];
            string actual = JsonNode.Parse(model.SchemaJson)!.ToJsonString();
            Assert.That(actual, Is.EqualTo(expected), $"{path}: schema JSON of {model.ApiVersion} {model.Kind}");
        }

        return models.Count;
    }

    /// <summary>Every version's schema as the runtime reads the file, descriptions stripped, by <c>group/version/kind</c>.</summary>
    private static Dictionary<string, string> RuntimeSchemas(string text, string path)
    {
        var result = new Dictionary<string, string>(System.StringComparer.Ordinal);

        // Renamed so the loader keeps the document as JSON (UnknownResource) instead of reading KubernetesClient's model.
        text = Regex.Replace(text, "(^kind:\\s*|\"kind\"\\s*:\\s*\")CustomResourceDefinition", "${1}" + UnmodelledKind, RegexOptions.Multiline);
        var resources = path.EndsWith(".json", System.StringComparison.Ordinal) ? ResourceSerializer.LoadJson(text, path) : ResourceSerializer.LoadYaml(text, path);
        foreach (var loaded in resources)
        {
            if (loaded.Resource is not UnknownResource { Kind: UnmodelledKind } crd)
            {
                continue;
            }

            var root = JsonNode.Parse(crd.Json.GetRawText())!;
            string group = root["spec"]!["group"]!.GetValue<string>();
            string kind = root["spec"]!["names"]!["kind"]!.GetValue<string>();
            foreach (var version in root["spec"]!["versions"]!.AsArray())
            {
                if (version?["schema"]?["openAPIV3Schema"] is JsonObject schema)
                {
                    StripDescriptions(schema);
                    result[group + "/" + version["name"]!.GetValue<string>() + "/" + kind] = schema.ToJsonString();
                }
            }
        }

        return result;
    }

    private static void StripDescriptions(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        schema.Remove("description");
        foreach (string keyword in SchemaKeywords)
        {
            StripDescriptions(schema[keyword]);
        }

        foreach (string keyword in SchemaListKeywords)
        {
            foreach (var part in schema[keyword] as JsonArray ?? [])
            {
                StripDescriptions(part);
            }
        }

        foreach (string keyword in SchemaMapKeywords)
        {
            foreach (var (_, child) in schema[keyword] as JsonObject ?? [])
            {
                StripDescriptions(child);
            }
        }
    }

    private static IEnumerable<YamlDotNet.RepresentationModel.YamlNode> OpenApiSchemas(string text)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(text));
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlDotNet.RepresentationModel.YamlMappingNode root
                || !root.Children.TryGetValue("spec", out var spec)
                || spec is not YamlDotNet.RepresentationModel.YamlMappingNode specMap
                || !specMap.Children.TryGetValue("versions", out var versions))
            {
                continue;
            }

            foreach (var version in ((YamlDotNet.RepresentationModel.YamlSequenceNode)versions).Children.OfType<YamlDotNet.RepresentationModel.YamlMappingNode>())
            {
                if (version.Children.TryGetValue("schema", out var schema) && schema is YamlDotNet.RepresentationModel.YamlMappingNode schemaMap
                    && schemaMap.Children.TryGetValue("openAPIV3Schema", out var openApi))
                {
                    yield return openApi;
                }
            }
        }
    }
}
