using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>Reads a <see cref="GatewayDuration"/> from a JSON string (a bare number is kept too) and writes it back.</summary>
internal sealed class GatewayDurationJsonConverter : JsonConverter<GatewayDuration>
{
    /// <inheritdoc/>
    public override GatewayDuration? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => GatewayDuration.Parse(reader.GetString() ?? string.Empty),
        JsonTokenType.Number => GatewayDuration.FromNumberText(JsonTokens.RawText(ref reader)),
        _ => throw JsonTokens.Mismatch(reader.TokenType, "a duration string such as \"10s\""),
    };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, GatewayDuration value, JsonSerializerOptions options)
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
