using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Converts one YAML node, read event by event from a <see cref="IParser"/>, to JSON: scalars by
/// <see cref="YamlScalars.Resolve"/> (numbers with their original text), anchors and aliases expanded, duplicate
/// keys and non-scalar keys refused. Positions of values and keys are recorded in a <see cref="SourceMapBuilder"/>.
/// Problems are reported as <see cref="YamlException"/> carrying the position, like YamlDotNet's own syntax errors.
/// </summary>
internal sealed class YamlToJson
{
    private const int MaxDepth = 256;

    // Each alias copies its anchor's JSON; nested aliases multiply ("billion laughs"), so their total is bounded.
    private const long MaxAliasBytes = 16 * 1024 * 1024;

    private readonly IParser parser;
    private readonly SourceMapBuilder? map;
    private readonly Dictionary<string, byte[]> anchors = new(StringComparer.Ordinal);
    private long aliasBytes;

    private YamlToJson(IParser parser, SourceMapBuilder? map)
    {
        this.parser = parser;
        this.map = map;
    }

    /// <summary>
    /// Reads the node that starts at the parser's current event (leaving the parser on the event after it) and
    /// returns it as UTF-8 JSON.
    /// </summary>
    public static byte[] ReadNode(IParser parser, SourceMapBuilder? map)
    {
        var converter = new YamlToJson(parser, map);
        return converter.WriteToBuffer(string.Empty, depth: 0);
    }

    /// <summary>Converts a YAML position.</summary>
    public static SourcePosition ToPosition(Mark mark) =>
        new((int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));

    private byte[] WriteToBuffer(string path, int depth)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = MaxDepth + 2 }))
        {
            WriteUnanchored(writer, path, depth);
        }

        return buffer.ToArray();
    }

    private void WriteNode(Utf8JsonWriter writer, string path, int depth)
    {
        switch (parser.Current)
        {
            case AnchorAlias alias:
                map?.AddValue(path, ToPosition(alias.Start));
                if (!anchors.TryGetValue(alias.Value.Value, out var aliased))
                {
                    throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value.Value}' refers to no anchor defined before it");
                }

                aliasBytes += aliased.Length;
                if (aliasBytes > MaxAliasBytes)
                {
                    throw new YamlException(alias.Start, alias.End, $"{Where(path)}the aliases of the document expand to more than {MaxAliasBytes / (1024 * 1024)} MiB; alias expansion this large (a \"billion laughs\" document) is refused");
                }

                parser.MoveNext();
                writer.WriteRawValue(aliased, skipInputValidation: true);
                return;
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                var name = anchored.Anchor.Value;
                var bytes = WriteToBuffer(path, depth);
                anchors[name] = bytes;
                writer.WriteRawValue(bytes, skipInputValidation: true);
                return;
            default:
                WriteUnanchored(writer, path, depth);
                return;
        }
    }

    private void WriteUnanchored(Utf8JsonWriter writer, string path, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        if (depth > MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"the document is nested more than {MaxDepth} levels deep");
        }

        map?.AddValue(path, ToPosition(current.Start));
        switch (current)
        {
            case Scalar scalar:
                WriteScalar(writer, scalar);
                parser.MoveNext();
                break;
            case SequenceStart:
                parser.MoveNext();
                writer.WriteStartArray();
                for (var index = 0; parser.Current is not SequenceEnd; index++)
                {
                    WriteNode(writer, JsonPath.Index(path, index), depth + 1);
                }

                parser.MoveNext();
                writer.WriteEndArray();
                break;
            case MappingStart:
                parser.MoveNext();
                writer.WriteStartObject();
                WriteProperties(writer, path, depth);
                parser.MoveNext();
                writer.WriteEndObject();
                break;
            default:
                throw new YamlException(current.Start, current.End, $"unexpected YAML event {current.GetType().Name}");
        }
    }

    private void WriteProperties(Utf8JsonWriter writer, string path, int depth)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (parser.Current is not MappingEnd)
        {
            var keyEvent = parser.Current!;
            if (keyEvent is not Scalar key)
            {
                var found = keyEvent is SequenceStart ? "a list" : keyEvent is MappingStart ? "an object" : "an alias";
                throw new YamlException(keyEvent.Start, keyEvent.End, $"{Where(path)}a key must be a single value, found {found}");
            }

            if (key.Value == "<<" && YamlScalars.IsPlain(key))
            {
                throw new YamlException(key.Start, key.End, $"{Where(path)}the YAML 1.1 merge key '<<' is not supported; write the merged keys out");
            }

            if (!seen.Add(key.Value))
            {
                throw new YamlException(key.Start, key.End, $"{Where(path)}duplicate key '{key.Value}'");
            }

            var childPath = JsonPath.Property(path, key.Value);
            map?.AddKey(childPath, ToPosition(key.Start));
            parser.MoveNext();
            writer.WritePropertyName(key.Value);
            WriteNode(writer, childPath, depth + 1);
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, Scalar scalar)
    {
        switch (YamlScalars.Resolve(scalar))
        {
            case YamlScalars.Kind.Null:
                writer.WriteNullValue();
                break;
            case YamlScalars.Kind.True:
                writer.WriteBooleanValue(true);
                break;
            case YamlScalars.Kind.False:
                writer.WriteBooleanValue(false);
                break;
            case YamlScalars.Kind.Number:
                writer.WriteRawValue(scalar.Value, skipInputValidation: true);
                break;
            default:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    private static string Where(string path) => path.Length == 0 ? string.Empty : path + ": ";
}
