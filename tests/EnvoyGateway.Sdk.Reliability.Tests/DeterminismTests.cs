using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Reliability.Tests;

/// <summary>
/// <c>egsdk translate --output all</c> depends on what the input says, not on how it is ordered or how often it
/// runs: with distinct creation timestamps (Envoy Gateway's first tie-breaker), shuffled documents give
/// byte-identical output, and so does a second run.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static IEnumerable<string> Inputs()
    {
        var root = SharedMaterial.SharedRoot;
        if (root is null)
        {
            yield return "conformance/xds (missing)";
            yield break;
        }

        foreach (var corpus in new[] { "conformance/xds", "conformance/policy-status" })
        {
            foreach (var directory in Directory.EnumerateDirectories(Path.Combine(root, corpus)).Order(StringComparer.Ordinal))
            {
                yield return corpus + "/" + Path.GetFileName(directory);
            }
        }
    }

    [TestCaseSource(nameof(Inputs))]
    public void Shuffled_documents_translate_to_byte_identical_output(string @case)
    {
        var input = Path.Combine(SharedMaterial.Require(@case), "in.yaml");
        var documents = ResourceSerializer.LoadYamlFile(input)
            .Select(r => JsonNode.Parse(ResourceSerializer.ToJson(r, indented: false))!)
            .ToList();
        for (var i = 0; i < documents.Count; i++)
        {
            documents[i]["metadata"]!["creationTimestamp"] = Epoch.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        var ordered = Translate(documents);
        Assert.That(ordered.Exit, Is.EqualTo(0), ordered.Stderr);
        Assert.That(Translate(documents).Stdout, Is.EqualTo(ordered.Stdout), "a second run");
        for (var seed = 1; seed <= 3; seed++)
        {
            var shuffled = documents.OrderBy(_ => 0).ToList();
            new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
            Assert.That(shuffled.SequenceEqual(documents), Is.False, "the shuffle changed the order");
            var result = Translate(shuffled);
            Assert.That(result.Stdout, Is.EqualTo(ordered.Stdout), $"shuffle seed {seed}");
        }
    }

    private static (int Exit, string Stdout, string Stderr) Translate(List<JsonNode> documents)
    {
        var yaml = ResourceSerializer.ToYaml(documents.Select(d => (object)JsonSerializer.SerializeToElement(d)));
        return CliRunner.RunWithStdin(yaml, "translate", "-f", "-", "--output", "all");
    }
}
