using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Explains why a value could not be read into a model: what the model expects at a path (from System.Text.Json's
/// type metadata) and what the document holds there, hiding secret values.
/// </summary>
internal static class LoadErrorDescriber
{
    private const int MaxShownLength = 40;

    /// <summary>Describes the problem at <paramref name="path"/> as <c>path: expected X, found Y</c>.</summary>
    public static string Describe(Type model, JsonElement document, string path, string? kind, JsonSerializerOptions options, string? converterMessage)
    {
        var expected = ExpectedAt(model, path, options);
        var found = FoundAt(document, path, kind);
        string detail;
        if (expected is not null)
        {
            detail = found is null ? $"expected {expected}" : $"expected {expected}, found {found}";
        }
        else if (converterMessage is not null && converterMessage.StartsWith("expected ", StringComparison.Ordinal))
        {
            detail = converterMessage;
        }
        else
        {
            detail = found is null ? "the value could not be read" : $"could not read {found}";
        }

        return path.Length == 0 ? detail : path + ": " + detail;
    }

    /// <summary>Describes what the model expects at <paramref name="path"/>, or <see langword="null"/> when unknown.</summary>
    public static string? ExpectedAt(Type model, string path, JsonSerializerOptions options) =>
        TypeAt(model, path, options) is { } type ? DescribeType(type, options) : null;

    /// <summary>
    /// Finds the first scalar of <paramref name="document"/> that its model property cannot read on its own, for
    /// converters that fail with an exception carrying no path (KubernetesClient's date-time converter throws a
    /// <see cref="FormatException"/>). Returns <see langword="null"/> when no single scalar is to blame.
    /// </summary>
    public static string? FindUnreadableScalar(Type model, JsonElement document, JsonSerializerOptions options, string path = "")
    {
        switch (document.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in document.EnumerateObject())
                {
                    if (FindUnreadableScalar(model, property.Value, options, JsonPath.Property(path, property.Name)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in document.EnumerateArray())
                {
                    if (FindUnreadableScalar(model, item, options, JsonPath.Index(path, index++)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                if (TypeAt(model, path, options) is not { } type)
                {
                    return null;
                }

                try
                {
                    JsonSerializer.Deserialize(document, type, options);
                    return null;
                }
                catch (Exception exception) when (exception is JsonException or FormatException or OverflowException or InvalidOperationException or NotSupportedException or ArgumentException)
                {
                    return path;
                }
        }
    }

    private static Type? TypeAt(Type model, string path, JsonSerializerOptions options)
    {
        var type = model;
        foreach (var segment in JsonPath.Split(path))
        {
            var info = options.GetTypeInfo(type);
            Type? next = null;
            if (segment.Name is { } name && info.Kind == JsonTypeInfoKind.Object)
            {
                foreach (var property in info.Properties)
                {
                    if (string.Equals(property.Name, name, StringComparison.Ordinal))
                    {
                        next = property.PropertyType;
                        break;
                    }
                }
            }
            else if ((segment.Name is not null && info.Kind == JsonTypeInfoKind.Dictionary) || (segment.Name is null && info.Kind == JsonTypeInfoKind.Enumerable))
            {
                next = info.ElementType;
            }

            if (next is null)
            {
                return null;
            }

            type = Nullable.GetUnderlyingType(next) ?? next;
        }

        return type;
    }

    private static string DescribeType(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "a boolean";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte))
        {
            return "an integer";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        if (type == typeof(byte[]))
        {
            return "a base64-encoded string";
        }

        if (type == typeof(IntOrString))
        {
            return "an integer or a string";
        }

        if (type == typeof(GatewayDuration))
        {
            return "a duration string such as \"10s\"";
        }

        if (type == typeof(Quantity))
        {
            return "a quantity such as \"100Mi\" or a number";
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "a date-time string";
        }

        if (IsStringEnum(type))
        {
            return "a string";
        }

        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Object => "an object",
            JsonTypeInfoKind.Enumerable => "a list",
            JsonTypeInfoKind.Dictionary => "an object (a map)",
            _ => type.IsEnum ? "a string" : "a value of type " + type.Name,
        };
    }

    private static bool IsStringEnum(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(StringEnum<>))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Describes the value at <paramref name="path"/>, or <see langword="null"/> when there is none.</summary>
    public static string? FoundAt(JsonElement document, string path, string? kind)
    {
        var current = document;
        foreach (var segment in JsonPath.Split(path))
        {
            if (segment.Name is { } name && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child))
            {
                current = child;
            }
            else if (segment.Name is null && current.ValueKind == JsonValueKind.Array && segment.Index < current.GetArrayLength())
            {
                current = current[segment.Index];
            }
            else
            {
                return null;
            }
        }

        var hide = SecretRedaction.IsSecret(kind, path);
        return current.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "the string " + (hide ? SecretRedaction.Placeholder : Quote(current.GetString()!)),
            JsonValueKind.Number => "the number " + (hide ? SecretRedaction.Placeholder : current.GetRawText()),
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }

    private static string Quote(string text)
    {
        var shown = text.Length > MaxShownLength ? text[..MaxShownLength] + "..." : text;
        return "\"" + shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The 1-based ordinal of a document, for messages.</summary>
    public static string DocumentLabel(int documentIndex) =>
        "document " + (documentIndex + 1).ToString(CultureInfo.InvariantCulture);
}
