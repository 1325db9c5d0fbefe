using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Translation;

/// <summary>Dotted JSON paths with list indexes (<c>spec.compressor[0].type</c>): listing leaves and finding values.</summary>
internal static class JsonPaths
{
    public static IEnumerable<(string Path, JsonElement Value)> Leaves(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var any = false;
                foreach (var property in element.EnumerateObject())
                {
                    any = true;
                    foreach (var leaf in Leaves(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}"))
                    {
                        yield return leaf;
                    }
                }

                if (!any)
                {
                    yield return (path, element); // an empty object is a value ({} enables a feature)
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var leaf in Leaves(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]")))
                    {
                        yield return leaf;
                    }
                }

                if (index == 0)
                {
                    yield return (path, element);
                }

                break;
            default:
                yield return (path, element);
                break;
        }
    }

    public static JsonElement? Find(JsonElement root, string path)
    {
        JsonElement current = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            var bracket = segment.IndexOf('[', System.StringComparison.Ordinal);
            var indexes = new List<int>();
            if (bracket >= 0)
            {
                name = segment[..bracket];
                foreach (var part in segment[bracket..].Split('[', System.StringSplitOptions.RemoveEmptyEntries))
                {
                    indexes.Add(int.Parse(part.TrimEnd(']'), CultureInfo.InvariantCulture));
                }
            }

            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }

            foreach (var index in indexes)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
        }

        return current;
    }
}
