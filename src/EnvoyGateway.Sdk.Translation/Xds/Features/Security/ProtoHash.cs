using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// The short hash Envoy Gateway puts in JWT provider and requirement names: the first 8 bytes of SHA-256, in hex,
/// over the message's binary encoding as go-control-plane's generated (vtprotobuf) marshaller writes it — regular
/// fields in field-number order with proto3 defaults omitted, then the set oneof fields. Google.Protobuf writes oneofs
/// in number order among the others, so the encoding is done here.
/// </summary>
internal static class ProtoHash
{
    public static string Hex8(IMessage message) => Convert.ToHexStringLower(SHA256.HashData(Encode(message)).AsSpan(0, 8));

    public static byte[] Encode(IMessage message)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        Write(message, output);
        output.Flush();
        return stream.ToArray();
    }

    private static void Write(IMessage message, CodedOutputStream output)
    {
        var fields = message.Descriptor.Fields.InFieldNumberOrder();
        foreach (var field in fields.Where(f => f.RealContainingOneof is null))
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                throw new NotSupportedException($"{field.FullName}: map fields are not hashed.");
            }

            if (field.IsRepeated)
            {
                if (field.IsPacked && field.FieldType is not (FieldType.String or FieldType.Bytes or FieldType.Message))
                {
                    throw new NotSupportedException($"{field.FullName}: packed fields are not hashed.");
                }

                foreach (var item in (System.Collections.IEnumerable)value)
                {
                    WriteValue(field, item, output);
                }
            }
            else if (!IsDefault(field, value))
            {
                WriteValue(field, value, output);
            }
        }

        foreach (var field in fields.Where(f => f.RealContainingOneof is { } oneof && oneof.Accessor.GetCaseFieldDescriptor(message) == f))
        {
            WriteValue(field, field.Accessor.GetValue(message), output);
        }
    }

    // Google.Protobuf exposes wrapper fields (BoolValue...) unwrapped: encode the wrapper's single field.
    private static byte[] EncodeWrapper(MessageDescriptor wrapper, object value)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        var inner = wrapper.FindFieldByNumber(1);
        if (!IsDefault(inner, value))
        {
            WriteValue(inner, value, output);
        }

        output.Flush();
        return stream.ToArray();
    }

    private static bool IsDefault(FieldDescriptor field, object? value) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => value is null,
        FieldType.String => string.IsNullOrEmpty((string?)value),
        FieldType.Bytes => value is ByteString { IsEmpty: true },
        FieldType.Bool => !(bool)value!,
        FieldType.Enum => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0,
        FieldType.Double => (double)value! == 0,
        FieldType.Float => (float)value! == 0,
        _ => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) == 0,
    };

    private static void WriteValue(FieldDescriptor field, object value, CodedOutputStream output)
    {
        var number = field.FieldNumber;
        switch (field.FieldType)
        {
            case FieldType.Message:
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(value is IMessage nested ? Encode(nested) : EncodeWrapper(field.MessageType, value)));
                break;
            case FieldType.String:
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteString((string)value);
                break;
            case FieldType.Bytes:
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes((ByteString)value);
                break;
            case FieldType.Bool:
                output.WriteTag(number, WireFormat.WireType.Varint);
                output.WriteBool((bool)value);
                break;
            case FieldType.Enum:
                output.WriteTag(number, WireFormat.WireType.Varint);
                output.WriteEnum(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case FieldType.Int32:
                output.WriteTag(number, WireFormat.WireType.Varint);
                output.WriteInt32((int)value);
                break;
            case FieldType.UInt32:
                output.WriteTag(number, WireFormat.WireType.Varint);
                output.WriteUInt32((uint)value);
                break;
            case FieldType.Int64:
                output.WriteTag(number, WireFormat.WireType.Varint);
                output.WriteInt64((long)value);
                break;
            case FieldType.UInt64:
                output.WriteTag(number, WireFormat.WireType.Varint);
                output.WriteUInt64((ulong)value);
                break;
            case FieldType.Double:
                output.WriteTag(number, WireFormat.WireType.Fixed64);
                output.WriteDouble((double)value);
                break;
            case FieldType.Float:
                output.WriteTag(number, WireFormat.WireType.Fixed32);
                output.WriteFloat((float)value);
                break;
            default:
                throw new NotSupportedException($"{field.FullName}: field type {field.FieldType} is not hashed.");
        }
    }
}
