using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Binds JSON values to CEL the way the API server does: objects as maps (string keys), lists, <c>integer</c> as
/// int (long), <c>number</c> as double, <c>date-time</c> strings as timestamps, <c>byte</c> strings as bytes, every
/// other string (durations, quantities, int-or-string text) as a string. At the root only <c>metadata.name</c> and
/// <c>metadata.generateName</c> are visible. Conversions are memoised per node for one validation run.
/// </summary>
internal sealed class CelValues
{
    private readonly Dictionary<JsonNode, object?> memo = new(ReferenceEqualityComparer.Instance);

    public object? Convert(JsonNode? node, SchemaNode? schema, bool isRoot)
    {
        if (node is null)
        {
            return null;
        }

        if (memo.TryGetValue(node, out var cached))
        {
            return cached;
        }

        object? value = node switch
        {
            JsonObject obj => ConvertObject(obj, schema, isRoot),
            JsonArray array => ConvertArray(array, schema),
            _ => ConvertScalar((JsonValue)node, schema),
        };
        memo[node] = value;
        return value;
    }

    private Dictionary<string, object?> ConvertObject(JsonObject obj, SchemaNode? schema, bool isRoot)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, child) in obj)
        {
            if (isRoot && key == "metadata" && child is JsonObject metadata)
            {
                var visible = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var name in (string[])["name", "generateName"])
                {
                    if (metadata.TryGetPropertyValue(name, out var value) && JsonValues.IsString(value, out var text))
                    {
                        visible[name] = text;
                    }
                }

                map[key] = visible;
                continue;
            }

            var declared = schema?.Properties?.ContainsKey(key) == true;
            if (declared && Escape(key) is not { } escaped)
            {
                continue; // not addressable from CEL
            }

            map[declared ? Escape(key)! : key] = Convert(child, schema?.PropertySchema(key), isRoot: false);
        }

        return map;
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    };

    /// <summary>
    /// The name of a declared property as the API server exposes it to CEL: reserved words become
    /// <c>__word__</c>; <c>__</c>, <c>.</c>, <c>-</c> and <c>/</c> are escaped (<c>__underscores__</c>, <c>__dot__</c>,
    /// <c>__dash__</c>, <c>__slash__</c>); any other name that is not an identifier is not accessible (null).
    /// </summary>
    internal static string? Escape(string name)
    {
        if (Reserved.Contains(name))
        {
            return "__" + name + "__";
        }

        var escaped = name.Replace("__", "__underscores__", StringComparison.Ordinal).Replace(".", "__dot__", StringComparison.Ordinal)
            .Replace("-", "__dash__", StringComparison.Ordinal).Replace("/", "__slash__", StringComparison.Ordinal);
        if (escaped.Length == 0 || !(char.IsAsciiLetter(escaped[0]) || escaped[0] == '_'))
        {
            return null;
        }

        foreach (var c in escaped)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return null;
            }
        }

        return escaped;
    }

    private List<object?> ConvertArray(JsonArray array, SchemaNode? schema)
    {
        var list = new List<object?>(array.Count);
        foreach (var item in array)
        {
            list.Add(Convert(item, schema?.Items, isRoot: false));
        }

        return list;
    }

    private static object? ConvertScalar(JsonValue value, SchemaNode? schema)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (schema?.IntOrString == true)
                {
                    return text;
                }

                switch (schema?.Format)
                {
                    case "date-time" or "datetime" when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp):
                        return timestamp;
                    case "byte":
                        try
                        {
                            return ByteString.FromBase64(text);
                        }
                        catch (FormatException)
                        {
                            return text;
                        }

                    default:
                        return text;
                }

            case JsonValueKind.Number:
                if (schema?.Type == "number")
                {
                    return JsonValues.Double(value);
                }

                return JsonValues.IsIntegral(value) && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    ? integer
                    : JsonValues.IsIntegral(value) && JsonValues.TryDecimal(value, out var d) && d >= long.MinValue && d <= long.MaxValue
                        ? (long)d
                        : JsonValues.Double(value);
            default:
                return null;
        }
    }
}
