using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Models.Tests;

/// <summary>
/// Every policy and Gateway API document of the conformance corpora loads into the generated models and saves back
/// JSON-equal, also with unknown fields injected at several depths.
/// </summary>
public sealed class ConformanceRoundTripTests
{
    private const string Injected = "x-egsdk-unknown";

    public static IEnumerable<TestCaseData> Inputs()
    {
        var root = SharedMaterial.SharedRoot;
        if (root is null)
        {
            yield return new TestCaseData("(../shared absent)").SetName("Conformance inputs");
            yield break;
        }

        foreach (var file in Directory.GetFiles(Path.Combine(root, "conformance"), "in.yaml", SearchOption.AllDirectories).Order(System.StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Path.Combine(root, "conformance"), file);
            yield return new TestCaseData(relative).SetName("RoundTrip " + Path.GetDirectoryName(relative));
        }
    }

    [TestCaseSource(nameof(Inputs))]
    public void Documents_round_trip_json_equal(string relative)
    {
        var file = SharedMaterial.Require(Path.Combine("conformance", relative));
        var text = File.ReadAllText(file);

        var checkedDocuments = RoundTrip(text, inject: false);

        Assert.That(checkedDocuments, Is.GreaterThan(0), "precondition: the input holds policy or Gateway API documents");
    }

    [TestCaseSource(nameof(Inputs))]
    public void Documents_with_unknown_fields_round_trip_json_equal(string relative)
    {
        var file = SharedMaterial.Require(Path.Combine("conformance", relative));

        RoundTrip(File.ReadAllText(file), inject: true);
    }

    private static int RoundTrip(string yaml, bool inject)
    {
        var originals = YamlJson.ReadAll(yaml).Where(d => d is JsonObject).Cast<JsonObject>().ToList();
        // `field: null` means "not set" to Kubernetes (the API server prunes it), and the models read it so.
        originals.ForEach(PruneNullMembers);
        if (inject)
        {
            originals.ForEach(InjectUnknownFields);
            yaml = string.Join("---\n", originals.Select(o => o.ToJsonString() + "\n"));
        }

        var loaded = ResourceSerializer.LoadYaml(yaml, "in.yaml");
        Assert.That(loaded, Has.Count.EqualTo(originals.Count));

        var count = 0;
        for (var i = 0; i < loaded.Count; i++)
        {
            if (!IsGenerated(loaded[i].Resource))
            {
                continue;
            }

            count++;
            var saved = YamlJson.ReadAll(ResourceSerializer.ToYaml([loaded[i].Resource])).Single();
            Assert.That(JsonNode.DeepEquals(saved, originals[i]), Is.True,
                $"{loaded[i]} changed in the round trip.\nexpected: {originals[i].ToJsonString()}\nactual:   {saved?.ToJsonString()}");
        }

        return count;
    }

    private static void PruneNullMembers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is null)
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        PruneNullMembers(value);
                    }
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    PruneNullMembers(item);
                }

                break;
        }
    }

    private static bool IsGenerated(object resource) =>
        resource.GetType().Namespace is { } ns && (ns.StartsWith("EnvoyGateway.Sdk.Policies", System.StringComparison.Ordinal)
            || ns.StartsWith("EnvoyGateway.Sdk.GatewayApi", System.StringComparison.Ordinal));

    // At the root, in spec, and in the first object found at each depth below spec (lists included).
    private static void InjectUnknownFields(JsonObject document)
    {
        document[Injected] = new JsonObject { ["depth"] = 0 };
        if (document["spec"] is not JsonObject spec)
        {
            return;
        }

        var depth = 1;
        JsonObject? current = spec;
        while (current is not null && depth <= 4)
        {
            var next = FirstChildObject(current);
            current[Injected] = depth++;
            current = next;
        }
    }

    private static JsonObject? FirstChildObject(JsonObject obj)
    {
        foreach (var (name, value) in obj.ToList())
        {
            if (name == Injected)
            {
                continue;
            }

            switch (value)
            {
                case JsonObject child when name is not ("labels" or "annotations" or "matchLabels"):
                    return child;
                case JsonArray list when list.FirstOrDefault() is JsonObject item:
                    return item;
            }
        }

        return null;
    }
}
