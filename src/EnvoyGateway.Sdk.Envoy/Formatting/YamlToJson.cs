using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Envoy;

/// <summary>
/// Turns a YAML node into proto3 JSON text, guided by the message descriptor so each scalar gets the JSON type
/// its field expects. Structural problems (unknown field, a list where an object belongs) are reported with
/// the YAML line and column; value problems are left to the proto3 JSON parser.
/// </summary>
internal static partial class YamlToJson
{
    public static string Convert(YamlNode root, MessageDescriptor descriptor)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMessage(writer, root, descriptor, descriptor.FullName);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMessage(Utf8JsonWriter writer, YamlNode node, MessageDescriptor descriptor, string path)
    {
        if (IsNull(node))
        {
            writer.WriteNullValue();
            return;
        }

        switch (descriptor.FullName)
        {
            case "google.protobuf.Struct":
            case "google.protobuf.Value":
            case "google.protobuf.ListValue":
                WriteUntyped(writer, node);
                return;
            case "google.protobuf.Duration":
            case "google.protobuf.Timestamp":
            case "google.protobuf.FieldMask":
                writer.WriteStringValue(Scalar(node, path).Value);
                return;
            case "google.protobuf.Any":
                WriteAny(writer, Mapping(node, path), path);
                return;
        }

        if (descriptor.File == DoubleValue.Descriptor.File)
        {
            // wrappers.proto: a wrapper is written as its bare value
            WriteScalarField(writer, node, descriptor.FindFieldByNumber(1), path);
            return;
        }

        WriteFields(writer, Mapping(node, path), descriptor, path, skipKey: null);
    }

    private static void WriteFields(Utf8JsonWriter writer, YamlMappingNode mapping, MessageDescriptor descriptor, string path, string? skipKey)
    {
        writer.WriteStartObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = Scalar(keyNode, path).Value ?? string.Empty;
            if (key == skipKey)
            {
                continue;
            }

            var field = descriptor.FindFieldByName(key)
                ?? descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == key)
                ?? throw Error(keyNode, $"{path}: unknown field '{key}' in {descriptor.FullName}");
            writer.WritePropertyName(key);
            WriteField(writer, valueNode, field, $"{path}.{key}");
        }

        writer.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter writer, YamlNode node, FieldDescriptor field, string path)
    {
        if (IsNull(node))
        {
            writer.WriteNullValue();
        }
        else if (field.IsMap)
        {
            var valueField = field.MessageType.FindFieldByNumber(2);
            writer.WriteStartObject();
            foreach (var (keyNode, valueNode) in Mapping(node, path).Children)
            {
                var key = Scalar(keyNode, path).Value ?? string.Empty;
                writer.WritePropertyName(key);
                WriteSingle(writer, valueNode, valueField, $"{path}[\"{key}\"]");
            }

            writer.WriteEndObject();
        }
        else if (field.IsRepeated)
        {
            if (node is not YamlSequenceNode sequence)
            {
                throw Error(node, $"{path}: expected a list");
            }

            writer.WriteStartArray();
            var index = 0;
            foreach (var item in sequence.Children)
            {
                WriteSingle(writer, item, field, $"{path}[{index++}]");
            }

            writer.WriteEndArray();
        }
        else
        {
            WriteSingle(writer, node, field, path);
        }
    }

    private static void WriteSingle(Utf8JsonWriter writer, YamlNode node, FieldDescriptor field, string path)
    {
        if (field.FieldType == FieldType.Message || field.FieldType == FieldType.Group)
        {
            WriteMessage(writer, node, field.MessageType, path);
        }
        else
        {
            WriteScalarField(writer, node, field, path);
        }
    }

    private static void WriteScalarField(Utf8JsonWriter writer, YamlNode node, FieldDescriptor field, string path)
    {
        if (IsNull(node))
        {
            writer.WriteNullValue();
            return;
        }

        var scalar = Scalar(node, path);
        var text = scalar.Value ?? string.Empty;
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        switch (field.FieldType)
        {
            case FieldType.Bool when plain && bool.TryParse(text, out var flag):
                writer.WriteBooleanValue(flag);
                break;
            case FieldType.Enum when plain && IntegerNumber().IsMatch(text):
            case FieldType.Double or FieldType.Float or FieldType.Int32 or FieldType.Int64 or FieldType.UInt32
                or FieldType.UInt64 or FieldType.SInt32 or FieldType.SInt64 or FieldType.Fixed32 or FieldType.Fixed64
                or FieldType.SFixed32 or FieldType.SFixed64 when plain && JsonNumber().IsMatch(text):
                writer.WriteRawValue(text);
                break;
            default:
                // strings, bytes, enum names, and numbers written as strings (which proto3 JSON accepts)
                writer.WriteStringValue(text);
                break;
        }
    }

    private static void WriteAny(Utf8JsonWriter writer, YamlMappingNode mapping, string path)
    {
        var typeKey = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "@type" })
            ?? throw Error(mapping, $"{path}: an Any needs an '@type' key");
        var typeUrl = Scalar(mapping.Children[typeKey], path).Value ?? string.Empty;
        var payload = EnvoyTypeRegistry.Registry.Find(Any.GetTypeName(typeUrl))
            ?? WellKnownDescriptor(Any.GetTypeName(typeUrl))
            ?? throw Error(typeKey, $"{path}: unknown type '{typeUrl}' in '@type'");
        var payloadPath = $"{path}<{payload.FullName}>";

        if (HasSpecialJson(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("@type", typeUrl);
            var valueKey = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "value" })
                ?? throw Error(mapping, $"{path}: an Any holding {payload.FullName} needs a 'value' key");
            writer.WritePropertyName("value");
            WriteMessage(writer, mapping.Children[valueKey], payload, payloadPath);
            writer.WriteEndObject();
            return;
        }

        // Ordinary messages are inlined next to '@type'.
        using var inner = new MemoryStream();
        using (var innerWriter = new Utf8JsonWriter(inner))
        {
            WriteFields(innerWriter, mapping, payload, payloadPath, skipKey: "@type");
        }

        using var document = JsonDocument.Parse(inner.ToArray());
        writer.WriteStartObject();
        writer.WriteString("@type", typeUrl);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static MessageDescriptor? WellKnownDescriptor(string name) =>
        new[] { Any.Descriptor, Duration.Descriptor, Timestamp.Descriptor, FieldMask.Descriptor, Struct.Descriptor, Value.Descriptor, ListValue.Descriptor, Empty.Descriptor }
            .Concat(DoubleValue.Descriptor.File.MessageTypes)
            .FirstOrDefault(d => d.FullName == name);

    private static bool HasSpecialJson(MessageDescriptor descriptor) =>
        descriptor.File == DoubleValue.Descriptor.File || descriptor.FullName is "google.protobuf.Any" or "google.protobuf.Duration"
            or "google.protobuf.Timestamp" or "google.protobuf.FieldMask" or "google.protobuf.Struct"
            or "google.protobuf.Value" or "google.protobuf.ListValue";

    // Struct, Value and ListValue carry no field types: read plain scalars by the YAML 1.2 core schema.
    private static void WriteUntyped(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value ?? string.Empty);
                    WriteUntyped(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    WriteUntyped(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain or ScalarStyle.Any:
                var text = scalar.Value ?? string.Empty;
                if (IsNull(scalar))
                {
                    writer.WriteNullValue();
                }
                else if (text is "true" or "false")
                {
                    writer.WriteBooleanValue(text == "true");
                }
                else if (JsonNumber().IsMatch(text))
                {
                    writer.WriteRawValue(text);
                }
                else
                {
                    writer.WriteStringValue(text);
                }

                break;
            case YamlScalarNode scalar:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static YamlScalarNode Scalar(YamlNode node, string path) =>
        node as YamlScalarNode ?? throw Error(node, $"{path}: expected a single value, found a {Describe(node)}");

    private static YamlMappingNode Mapping(YamlNode node, string path) =>
        node as YamlMappingNode ?? throw Error(node, $"{path}: expected an object, found a {Describe(node)}");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "scalar",
    };

    private static EnvoyFormatException Error(YamlNode node, string message) =>
        new($"line {node.Start.Line}, column {node.Start.Column}: {message}");

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^-?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerNumber();
}
