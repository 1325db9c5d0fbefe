using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Models.Tests;

/// <summary>Flattens a CRD version's openAPIV3Schema into field paths (<c>spec.targetRefs[].name</c>) and their types.</summary>
internal static class SchemaFieldPaths
{
    /// <summary>Every field path of every served version of the CRD in <paramref name="crdFile"/>, keyed <c>version:path</c>.</summary>
    public static IReadOnlyDictionary<string, string> Read(string crdFile)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(crdFile))
        {
            stream.Load(reader);
        }

        var result = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var document in stream.Documents)
        {
            var versions = (YamlSequenceNode)Child(Child(document.RootNode, "spec")!, "versions")!;
            foreach (var version in versions.Children)
            {
                if (Scalar(version, "served") != "true")
                {
                    continue;
                }

                var name = Scalar(version, "name");
                var schema = Child(Child(version, "schema")!, "openAPIV3Schema")!;
                Walk(schema, string.Empty, (path, type) => result[$"{name}:{path}"] = type);
            }
        }

        return result;
    }

    private static void Walk(YamlNode node, string path, System.Action<string, string> add)
    {
        if (Child(node, "properties") is YamlMappingNode properties)
        {
            foreach (var (key, value) in properties.Children)
            {
                var childPath = path.Length == 0 ? ((YamlScalarNode)key).Value! : $"{path}.{((YamlScalarNode)key).Value}";
                add(childPath, TypeOf(value));
                Walk(value, childPath, add);
            }
        }

        if (Child(node, "items") is { } items)
        {
            add(path + "[]", TypeOf(items));
            Walk(items, path + "[]", add);
        }

        if (Child(node, "additionalProperties") is YamlMappingNode additional)
        {
            add(path + "{}", TypeOf(additional));
            Walk(additional, path + "{}", add);
        }
    }

    /// <summary>The facts that decide a field's C# shape: type, format, int-or-string, preserve-unknown-fields.</summary>
    private static string TypeOf(YamlNode node)
    {
        var parts = new[]
        {
            Scalar(node, "type") ?? "untyped",
            Scalar(node, "format") is { } format ? "format=" + format : null,
            Scalar(node, "x-kubernetes-int-or-string") == "true" ? "int-or-string" : null,
            Scalar(node, "x-kubernetes-preserve-unknown-fields") == "true" ? "preserve-unknown" : null,
        };
        return string.Join(' ', parts.Where(p => p is not null));
    }

    private static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
