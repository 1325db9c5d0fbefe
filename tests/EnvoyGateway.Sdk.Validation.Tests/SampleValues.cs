using System.Linq;
using System.Text.Json.Nodes;

namespace EnvoyGateway.Sdk.Validation.Tests;

/// <summary>
/// Builds a value for a schema node, to give every CEL rule something to evaluate: enum/default values, strings that
/// satisfy the node's pattern/format/length when one of a list of typical values does, numbers within bounds, one
/// item per list, and every property (<c>full</c>) or only the required ones.
/// </summary>
internal static class SampleValues
{
    private static readonly string[] Strings =
    [
        "1s", "10s", "100ms", "1m", "example.com", "www.example.com", "a", "abc", "1", "100", "1Gi", "10.0.0.1",
        "10.0.0.0/8", "::1", "/", "/path", "https://example.com", "Exact", "x-header", "gateway.networking.k8s.io",
        "2006-01-02T15:04:05Z", "YWJj", "GET", "http", "Gateway",
    ];

    public static JsonNode? For(SchemaNode schema, bool full, int depth = 0)
    {
        if (schema.Enum is { Count: > 0 } allowed)
        {
            return JsonNode.Parse(allowed[0].GetRawText());
        }

        if (schema.Default is { } value)
        {
            return JsonNode.Parse(value.GetRawText());
        }

        if (schema.IntOrString)
        {
            return schema.Pattern is null ? JsonValue.Create(1) : JsonValue.Create(String(schema));
        }

        switch (schema.Type)
        {
            case "string":
                return JsonValue.Create(String(schema));
            case "integer":
                return JsonValue.Create((long)Number(schema));
            case "number":
                return JsonValue.Create((double)Number(schema));
            case "boolean":
                return JsonValue.Create(true);
            case "array":
                var array = new JsonArray();
                if (schema.Items is { } items && depth < 30)
                {
                    array.Add(For(items, full, depth + 1));
                }

                return array;
            default:
                var obj = new JsonObject();
                if (depth >= 30)
                {
                    return obj;
                }

                if (schema.Properties is { } properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        if (full || schema.Required.Contains(name) || property.Default is not null)
                        {
                            obj[name] = For(property, full, depth + 1);
                        }
                    }
                }
                else if (schema.AdditionalProperties is { } additional)
                {
                    obj["key"] = For(additional, full, depth + 1);
                }

                return obj;
        }
    }

    private static decimal Number(SchemaNode schema)
    {
        var value = schema.Minimum is { } min ? (schema.ExclusiveMinimum ? min + 1 : min) : 1;
        if (schema.Maximum is { } max && value > max)
        {
            value = max;
        }

        return value;
    }

    private static string String(SchemaNode schema)
    {
        foreach (var candidate in Strings)
        {
            var length = candidate.Length;
            if ((schema.MinLength is { } min && length < min) || (schema.MaxLength is { } max && length > max))
            {
                continue;
            }

            if (schema.Pattern is { } pattern && PatternCache.IsMatch(pattern, candidate, out _) != true)
            {
                continue;
            }

            if (schema.Format is { } format && FormatChecks.CheckString(format, candidate) is not null)
            {
                continue;
            }

            return candidate;
        }

        return new string('a', (int)(schema.MinLength ?? 1));
    }
}
