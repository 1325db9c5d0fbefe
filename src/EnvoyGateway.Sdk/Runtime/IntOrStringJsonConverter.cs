using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>Reads an <see cref="IntOrString"/> from a JSON number or string and writes it back the same way.</summary>
internal sealed class IntOrStringJsonConverter : JsonConverter<IntOrString>
{
    /// <inheritdoc/>
    public override IntOrString? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => IntOrString.FromNumberText(JsonTokens.RawText(ref reader)),
        JsonTokenType.String => IntOrString.FromString(reader.GetString() ?? string.Empty),
        _ => throw JsonTokens.Mismatch(reader.TokenType, "an integer or a string"),
    };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.IsNumber)
        {
            writer.WriteRawValue(value.Value, skipInputValidation: false);
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }
}
