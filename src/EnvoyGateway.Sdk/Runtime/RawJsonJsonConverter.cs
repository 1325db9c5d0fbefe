using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>Reads any JSON value into a <see cref="RawJson"/> and writes it back unchanged.</summary>
internal sealed class RawJsonJsonConverter : JsonConverter<RawJson>
{
    /// <summary>Gets a value indicating that a JSON <c>null</c> is read as a <see cref="RawJson"/> holding null, not as a null reference.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return RawJson.FromElement(document.RootElement);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        value.Element.WriteTo(writer);
    }
}
