using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Reads a <see cref="string"/> property from a JSON string or, leniently, from a bare number or boolean (a plain
/// YAML scalar such as <c>version: 1.10</c>), keeping the number's original text. Writes ordinary JSON strings.
/// </summary>
internal sealed class LenientStringJsonConverter : JsonConverter<string>
{
    /// <inheritdoc/>
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonTokens.ReadScalarText(ref reader, "a string");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <inheritdoc/>
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() ?? string.Empty;

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}
