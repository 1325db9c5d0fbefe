using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Generators.Parsing;

/// <summary>
/// Writes an <c>openAPIV3Schema</c> YAML tree as compact JSON in one pass (schema key order kept), for the runtime
/// validator. Schema <c>description</c>s are dropped (the validator does not need them and they are most of the size);
/// a property that happens to be <em>named</em> <c>description</c>, and values under <c>default</c>, <c>enum</c>,
/// <c>example</c> or <c>x-kubernetes-validations</c>, are kept as they are.
/// </summary>
/// <remarks>
/// Scalars resolve as the runtime's YAML reader resolves them (YAML 1.2 core schema, restricted to what JSON writes
/// exactly): plain <c>null</c>/<c>~</c>/empty, <c>true</c>/<c>false</c> and JSON-number text keep their type, every
/// other scalar (quoted, <c>0x1F</c>, <c>.inf</c>, ...) is a string. Line separators are escaped, so the JSON never
/// contains a line break and fits on one line of a raw string literal.
/// </remarks>
internal static class SchemaJsonWriter
{
    private const string IntTag = "tag:yaml.org,2002:int";
    private const string FloatTag = "tag:yaml.org,2002:float";
    private const string BoolTag = "tag:yaml.org,2002:bool";
    private const string NullTag = "tag:yaml.org,2002:null";

    /// <summary>Returns the compact JSON of <paramref name="schema"/>.</summary>
    public static string Write(YamlNode schema, int capacityHint)
    {
        var builder = new StringBuilder(capacityHint);
        WriteSchema(builder, schema);
        return builder.ToString();
    }

    private static void WriteSchema(StringBuilder builder, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            WriteValue(builder, node); // additionalProperties: true, or a malformed schema kept as written
            return;
        }

        builder.Append('{');
        bool first = true;
        foreach (var pair in mapping.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { } key } || key == "description")
            {
                continue;
            }

            first = Separator(builder, first);
            WriteString(builder, key);
            builder.Append(':');
            switch (key)
            {
                case "properties":
                case "patternProperties":
                case "definitions":
                    WriteSchemaMap(builder, pair.Value);
                    break;
                case "items":
                case "additionalProperties":
                case "additionalItems":
                case "not":
                    if (pair.Value is YamlSequenceNode tuple)
                    {
                        WriteSchemaList(builder, tuple);
                    }
                    else
                    {
                        WriteSchema(builder, pair.Value);
                    }

                    break;
                case "allOf":
                case "anyOf":
                case "oneOf":
                    WriteSchemaList(builder, pair.Value);
                    break;
                default:
                    WriteValue(builder, pair.Value);
                    break;
            }
        }

        builder.Append('}');
    }

    private static void WriteSchemaMap(StringBuilder builder, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            WriteValue(builder, node);
            return;
        }

        builder.Append('{');
        bool first = true;
        foreach (var pair in mapping.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { } name })
            {
                continue;
            }

            first = Separator(builder, first);
            WriteString(builder, name);
            builder.Append(':');
            WriteSchema(builder, pair.Value);
        }

        builder.Append('}');
    }

    private static void WriteSchemaList(StringBuilder builder, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            WriteValue(builder, node);
            return;
        }

        builder.Append('[');
        bool first = true;
        foreach (YamlNode item in sequence.Children)
        {
            first = Separator(builder, first);
            WriteSchema(builder, item);
        }

        builder.Append(']');
    }

    /// <summary>Writes any YAML value verbatim (no key is dropped).</summary>
    private static void WriteValue(StringBuilder builder, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                builder.Append('{');
                bool firstKey = true;
                foreach (var pair in mapping.Children)
                {
                    if (pair.Key is not YamlScalarNode { Value: { } key })
                    {
                        continue;
                    }

                    firstKey = Separator(builder, firstKey);
                    WriteString(builder, key);
                    builder.Append(':');
                    WriteValue(builder, pair.Value);
                }

                builder.Append('}');
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                bool firstItem = true;
                foreach (YamlNode item in sequence.Children)
                {
                    firstItem = Separator(builder, firstItem);
                    WriteValue(builder, item);
                }

                builder.Append(']');
                break;
            case YamlScalarNode scalar:
                WriteScalar(builder, scalar);
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteScalar(StringBuilder builder, YamlScalarNode scalar)
    {
        string text = scalar.Value ?? string.Empty;
        bool tagged = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific;
        string? keyword;
        if (tagged)
        {
            keyword = scalar.Tag.Value switch
            {
                IntTag or FloatTag when IsJsonNumber(text) => text,
                BoolTag => Bool(text),
                NullTag => "null",
                _ => null,
            };
        }
        else if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any)
        {
            keyword = text switch
            {
                "" or "~" or "null" or "Null" or "NULL" => "null",
                _ => Bool(text) ?? (IsJsonNumber(text) ? text : null),
            };
        }
        else
        {
            keyword = null;
        }

        if (keyword is not null)
        {
            builder.Append(keyword);
        }
        else
        {
            WriteString(builder, text);
        }
    }

    private static string? Bool(string text) => text switch
    {
        "true" or "True" or "TRUE" => "true",
        "false" or "False" or "FALSE" => "false",
        _ => null,
    };

    private static bool Separator(StringBuilder builder, bool first)
    {
        if (!first)
        {
            builder.Append(',');
        }

        return false;
    }

    /// <summary>Writes a JSON string; escapes quotes, backslashes, control characters, line separators and lone surrogates.</summary>
    internal static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c is '\u0085' or '\u2028' or '\u2029' || IsLoneSurrogate(text, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                        if (char.IsHighSurrogate(c))
                        {
                            builder.Append(text[++i]); // the low half, checked by IsLoneSurrogate
                        }
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static bool IsLoneSurrogate(string text, int i)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return char.IsLowSurrogate(c);
    }

    /// <summary>Whether <paramref name="text"/> is JSON number text: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?</c>.</summary>
    internal static bool IsJsonNumber(string text)
    {
        int i = 0;
        int n = text.Length;
        if (i < n && text[i] == '-')
        {
            i++;
        }

        if (i >= n || !IsDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            i = Digits(text, i);
        }

        if (i < n && text[i] == '.')
        {
            int start = ++i;
            i = Digits(text, i);
            if (i == start)
            {
                return false;
            }
        }

        if (i < n && text[i] is 'e' or 'E')
        {
            i++;
            if (i < n && text[i] is '+' or '-')
            {
                i++;
            }

            int start = i;
            i = Digits(text, i);
            if (i == start)
            {
                return false;
            }
        }

        return i == n;
    }

    private static int Digits(string text, int i)
    {
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
