using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>Reads a <see cref="Quantity"/> from a JSON number or string and writes it back the same way.</summary>
internal sealed class QuantityJsonConverter : JsonConverter<Quantity>
{
    /// <inheritdoc/>
    public override Quantity? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => Quantity.FromNumberText(JsonTokens.RawText(ref reader)),
        JsonTokenType.String => Quantity.Parse(reader.GetString() ?? string.Empty),
        _ => throw JsonTokens.Mismatch(reader.TokenType, "a quantity such as \"100Mi\" or a number"),
    };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options)
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
