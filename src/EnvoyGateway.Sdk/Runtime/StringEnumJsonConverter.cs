using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Reads and writes a <see cref="StringEnum{TSelf}"/> as a JSON string. Any string is accepted and kept, listed in
/// the schema or not; a bare number or boolean (a plain YAML scalar such as <c>1.10</c> or <c>true</c>) is kept with
/// its original text.
/// </summary>
/// <typeparam name="T">The generated enumeration type.</typeparam>
public sealed class StringEnumJsonConverter<T> : JsonConverter<T>
    where T : StringEnum<T>, new()
{
    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : StringEnum<T>.Create(JsonTokens.ReadScalarText(ref reader, "a string"));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StringEnum<T>.Create(reader.GetString() ?? string.Empty);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WritePropertyName(value.Value);
    }
}
