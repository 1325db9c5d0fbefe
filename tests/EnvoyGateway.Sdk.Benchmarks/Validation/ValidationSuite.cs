using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Benchmarks.Harness;
using EnvoyGateway.Sdk.Validation;

namespace EnvoyGateway.Sdk.Benchmarks.Validation;

/// <summary>
/// <see cref="ResourceValidator"/> (OpenAPI constraints and CEL rules) on every BackendTrafficPolicy,
/// ClientTrafficPolicy and SecurityPolicy document of the conformance corpora, warm.
/// </summary>
internal static class ValidationSuite
{
    private const int Warmup = 2;
    private const int Runs = 7;

    private static readonly string[] PolicyKinds = ["BackendTrafficPolicy", "ClientTrafficPolicy", "SecurityPolicy"];

    private sealed record PolicyDocument(string Source, string Kind, string Yaml, JsonElement Json, CrdSchema Schema);

    public static string Run()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "schemas"), "gateway.envoyproxy.io_*.yaml"))
        {
            SchemaRegistry.LoadCrdFile(file);
        }

        var documents = Corpus();
        var table = new MarkdownTable("documents", "count", "validate (parsed JSON), per document", "parse + validate (YAML text), per document", "documents with errors", "errors");
        foreach (var group in new[] { ("all policies", documents) }.Concat(PolicyKinds.Select(k => (k, documents.Where(d => d.Kind == k).ToList()))))
        {
            var (name, items) = group;
            var validateOnly = Measurement.Of(() => Validate(items), Warmup, Runs);
            var withParsing = Measurement.Of(() => ValidateYaml(items), Warmup, Runs);
            var reports = items.Select(d => ResourceValidator.Validate(d.Json, d.Schema)).ToList();
            table.Add(name, items.Count,
                $"{PerDocument(validateOnly.Median, items.Count)} (min {PerDocument(validateOnly.Min, items.Count)})",
                $"{PerDocument(withParsing.Median, items.Count)} (min {PerDocument(withParsing.Min, items.Count)})",
                reports.Count(r => !r.IsValid), reports.Sum(r => r.Count));
        }

        var slowest = documents
            .Select(d => (d.Source, d.Kind, Time: Measurement.Of(() => ResourceValidator.Validate(d.Json, d.Schema), 1, 5).Median))
            .OrderByDescending(d => d.Time).Take(3)
            .Select(d => $"{d.Source} ({d.Kind}) {Format.Us(d.Time.TotalMicroseconds)}");

        return table + $"\nMedian of {Runs} passes over the documents after {Warmup} warmup passes, divided by the document count. "
            + "The YAML column includes reading the document text with source positions (ResourceValidator.ValidateYaml). "
            + "Corpora: ../shared/conformance/policy-status/*/in.yaml and xds/*/in.yaml. "
            + "Slowest single documents: " + string.Join("; ", slowest) + ".\n";
    }

    private static string PerDocument(TimeSpan total, int count) => Format.Us(total.TotalMicroseconds / count);

    private static void Validate(List<PolicyDocument> documents)
    {
        foreach (var document in documents)
        {
            ResourceValidator.Validate(document.Json, document.Schema);
        }
    }

    private static void ValidateYaml(List<PolicyDocument> documents)
    {
        foreach (var document in documents)
        {
            ResourceValidator.ValidateYaml(document.Yaml, document.Source);
        }
    }

    private static List<PolicyDocument> Corpus()
    {
        var files = new[] { "conformance/policy-status", "conformance/xds" }
            .SelectMany(folder => Directory.GetDirectories(Repository.Shared(folder)))
            .Select(dir => Path.Combine(dir, "in.yaml"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
        var documents = new List<PolicyDocument>();
        foreach (var file in files)
        {
            var source = Path.GetRelativePath(Repository.Shared("conformance"), file);
            foreach (var text in SplitDocuments(File.ReadAllText(file)))
            {
                var root = YamlJson.Documents(text).SingleOrDefault();
                if (root is null || YamlJson.ToJson(root) is not { } node
                    || node["kind"]?.GetValue<string>() is not { } kind || !PolicyKinds.Contains(kind)
                    || node["apiVersion"]?.GetValue<string>() is not { } apiVersion
                    || !SchemaRegistry.TryGet(apiVersion, kind, out var schema))
                {
                    continue;
                }

                documents.Add(new PolicyDocument(source, kind, text, JsonSerializer.SerializeToElement(node), schema));
            }
        }

        return documents;
    }

    private static IEnumerable<string> SplitDocuments(string yaml)
    {
        var current = new List<string>();
        foreach (var line in yaml.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                yield return string.Join('\n', current);
                current.Clear();
                continue;
            }

            current.Add(line);
        }

        yield return string.Join('\n', current);
    }
}
