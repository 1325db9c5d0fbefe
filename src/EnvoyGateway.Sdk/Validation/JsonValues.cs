using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>Small helpers over <see cref="JsonNode"/> scalars.</summary>
internal static class JsonValues
{
    public static bool IsString(JsonNode? node, out string text)
    {
        text = string.Empty;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue(out text!);
    }

    public static bool IsNumber(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number;

    /// <summary>Reads a number as a decimal (false when it is not a number or does not fit).</summary>
    public static bool TryDecimal(JsonNode? node, out decimal number)
    {
        number = 0;
        if (!IsNumber(node))
        {
            return false;
        }

        var text = node!.ToJsonString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Reads a number as a double.</summary>
    public static double Double(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Whether a number has no fractional part (1.0 counts, as for the API server).</summary>
    public static bool IsIntegral(JsonNode? node)
    {
        if (!IsNumber(node))
        {
            return false;
        }

        if (TryDecimal(node, out var d))
        {
            return d == decimal.Truncate(d);
        }

        var value = Double(node!);
        return !double.IsInfinity(value) && Math.Floor(value) == value;
    }

    /// <summary>The JSON type name of a value, for messages.</summary>
    public static string TypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => IsIntegral(node) ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "unknown",
    };

    /// <summary>Whether a value has the OpenAPI <paramref name="type"/>.</summary>
    public static bool HasType(JsonNode? node, string type) => type switch
    {
        "object" => node is JsonObject,
        "array" => node is JsonArray,
        "string" => node is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "integer" => IsIntegral(node),
        "number" => IsNumber(node),
        _ => true,
    };

    /// <summary>A canonical text for equality (object keys sorted, numbers normalised).</summary>
    public static string Canonical(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject obj:
                {
                    var parts = new System.Collections.Generic.List<string>();
                    foreach (var (key, value) in obj)
                    {
                        parts.Add(JsonSerializer.Serialize(key) + ":" + Canonical(value));
                    }

                    parts.Sort(StringComparer.Ordinal);
                    return "{" + string.Join(',', parts) + "}";
                }

            case JsonArray array:
                {
                    var parts = new System.Collections.Generic.List<string>();
                    foreach (var item in array)
                    {
                        parts.Add(Canonical(item));
                    }

                    return "[" + string.Join(',', parts) + "]";
                }

            default:
                return TryDecimal(node, out var d) ? d.ToString("0.############################", CultureInfo.InvariantCulture) : node.ToJsonString();
        }
    }

    /// <summary>Counts Unicode code points, as Go's utf8.RuneCountInString does.</summary>
    public static int RuneCount(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
