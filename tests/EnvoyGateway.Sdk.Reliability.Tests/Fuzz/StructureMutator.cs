using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Reliability.Tests.Fuzz;

/// <summary>
/// Makes a mutant of a multi-document input that still looks like Kubernetes YAML, so it gets past the parser
/// and reaches validation, resolution and translation: fields are dropped, duplicated, retyped and perturbed
/// with edge values, kinds and references are swapped, documents are reordered, and sometimes the text is cut.
/// Every choice comes from the given <see cref="Random"/>, so a seed and an iteration number replay a mutant.
/// </summary>
internal static class StructureMutator
{
    private static readonly string[] Kinds =
    [
        "Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute", "TCPRoute", "UDPRoute", "TLSRoute", "Service", "Secret", "ConfigMap",
        "BackendTrafficPolicy", "ClientTrafficPolicy", "SecurityPolicy", "EndpointSlice", "Namespace", "Frobnicator",
    ];

    private static readonly string[] ApiVersions =
    [
        "gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1", "gateway.networking.k8s.io/v1alpha2",
        "gateway.envoyproxy.io/v1alpha1", "gateway.envoyproxy.io/v1", "v1", "discovery.k8s.io/v1", "",
    ];

    private static readonly string[] EdgeStrings =
    [
        "", " ", "-5s", "0s", "1ms", "99999999999h", "1.5h", "(?=x)", "(a)\\1", "*", "[", "a{1000}{1000}", "ü", "0", "-1", "true",
        "null", "default", "envoy-gateway", "gw", "http", "https", "HTTP", "TLS", "Invalid", "*.example.com", "1.1.1.1", "::1",
        "100Mi", "-1Ki", "Distinct", "RegularExpression", "Exact", "PathPrefix", "/", "a\nb", "${x}", "%", "Gateway", "HTTPRoute",
    ];

    private static readonly string[] EdgeNumbers =
    [
        "0", "-1", "1", "65535", "65536", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e308", "0.5", "-0.0", "100",
    ];

    /// <summary>Returns the YAML text of a mutant of <paramref name="documents"/> (which are not changed).</summary>
    public static string Mutate(IReadOnlyList<JsonNode?> documents, Random random)
    {
        var mutant = documents.Select(d => d?.DeepClone()).ToList();
        var names = Names(mutant);
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            Apply(mutant, names, random);
        }

        var text = ResourceSerializer.ToYaml(mutant.Select(d => (object)JsonSerializer.SerializeToElement(d)));
        return random.Next(8) == 0 ? MutateText(text, random) : text;
    }

    private static void Apply(List<JsonNode?> documents, List<string> names, Random random)
    {
        if (documents.Count == 0)
        {
            return;
        }

        var index = random.Next(documents.Count);
        var nodes = Descendants(documents[index]).ToList();
        var node = nodes.Count == 0 ? null : nodes[random.Next(nodes.Count)];
        switch (random.Next(9))
        {
            case 0 when node is not null:
                Remove(node);
                break;
            case 1 when node is not null:
                Duplicate(node, nodes, random);
                break;
            case 2 when node is not null:
                node.ReplaceWith(OtherType(node, random));
                break;
            case 3 when node is JsonValue:
                node.ReplaceWith(Edge(node, random));
                break;
            case 4 when documents[index] is JsonObject document:
                document["kind"] = Pick(Kinds, random);
                if (random.Next(3) == 0)
                {
                    document["apiVersion"] = Pick(ApiVersions, random);
                }

                break;
            case 5 when names.Count > 0 && Descendants(documents[index]).Where(IsName).ToList() is { Count: > 0 } refs:
                refs[random.Next(refs.Count)].ReplaceWith(Pick(names, random));
                break;
            case 6:
                var moved = documents[index];
                documents.RemoveAt(index);
                documents.Insert(random.Next(documents.Count + 1), moved);
                break;
            case 7:
                documents.Insert(random.Next(documents.Count + 1), documents[index]?.DeepClone());
                break;
            default:
                if (node is not null)
                {
                    node.ReplaceWith(Edge(node, random));
                }

                break;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? root)
    {
        var stack = new Stack<JsonNode>();
        if (root is JsonObject or JsonArray)
        {
            Push(root, stack);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            Push(node, stack);
        }
    }

    private static void Push(JsonNode node, Stack<JsonNode> stack)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.Reverse())
        {
            if (child is not null)
            {
                stack.Push(child);
            }
        }
    }

    private static void Remove(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent.Remove(node.GetPropertyName());
                break;
            case JsonArray parent:
                parent.RemoveAt(node.GetElementIndex());
                break;
        }
    }

    private static void Duplicate(JsonNode node, List<JsonNode> nodes, Random random)
    {
        switch (node.Parent)
        {
            case JsonArray parent:
                parent.Insert(node.GetElementIndex(), node.DeepClone());
                break;
            case JsonObject:
                // Copy the field into another object of the document (a field where it does not belong).
                var objects = nodes.OfType<JsonObject>().ToList();
                if (objects.Count > 0 && objects[random.Next(objects.Count)] is var target && !target.ContainsKey(node.GetPropertyName()))
                {
                    target[node.GetPropertyName()] = node.DeepClone();
                }

                break;
        }
    }

    private static JsonNode? OtherType(JsonNode node, Random random) => (node.GetValueKind(), random.Next(5)) switch
    {
        (JsonValueKind.Object, 0) or (JsonValueKind.Array, 0) => JsonValue.Create("text"),
        (JsonValueKind.Object, _) => new JsonArray(node.DeepClone()),
        (JsonValueKind.Array, _) => new JsonObject { ["item"] = node.DeepClone() },
        (_, 0) => new JsonObject { ["value"] = node.DeepClone() },
        (_, 1) => new JsonArray(node.DeepClone()),
        (_, 2) => null,
        (JsonValueKind.String, _) => JsonValue.Create(random.Next(3) == 0),
        _ => JsonValue.Create(node.ToJsonString()),
    };

    private static JsonNode? Edge(JsonNode node, Random random) => node.GetValueKind() switch
    {
        JsonValueKind.Number => JsonNode.Parse(Pick(EdgeNumbers, random)),
        JsonValueKind.True or JsonValueKind.False => JsonValue.Create(Pick(EdgeStrings, random)),
        _ when random.Next(10) == 0 => JsonValue.Create(new string('a', 1 + random.Next(70_000))),
        _ when random.Next(4) == 0 => JsonNode.Parse(Pick(EdgeNumbers, random)),
        _ => JsonValue.Create(Pick(EdgeStrings, random)),
    };

    private static string MutateText(string text, Random random)
    {
        var at = random.Next(text.Length + 1);
        return random.Next(3) switch
        {
            0 => text[..at],
            1 => text.Insert(at, Pick(["\t", ":", "- ", "{", "&a ", "*a", "---\n", "\"", "? "], random)),
            _ => text.Insert(at, text[at..Math.Min(text.Length, at + random.Next(200))]),
        };
    }

    private static List<string> Names(List<JsonNode?> documents) =>
        documents.SelectMany(Descendants)
            .Where(n => IsName(n) && n.GetValueKind() == JsonValueKind.String)
            .Select(n => n.GetValue<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsName(JsonNode node) => node is JsonValue && node.Parent is JsonObject && node.GetPropertyName() == "name";

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
