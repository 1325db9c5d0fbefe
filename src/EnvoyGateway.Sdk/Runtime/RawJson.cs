using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Any JSON value, kept exactly (numbers keep their text, objects their key order). Generated models use it for
/// schemas that allow arbitrary content (<c>x-kubernetes-preserve-unknown-fields</c> without properties, or no type).
/// Immutable.
/// </summary>
[JsonConverter(typeof(RawJsonJsonConverter))]
public sealed class RawJson : IEquatable<RawJson>, IYamlConvertible
{
    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement.Clone();

    /// <summary>Creates a JSON <c>null</c>. Serializers call this before reading; prefer <see cref="Parse"/> or <see cref="FromElement"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RawJson()
    {
        Element = NullElement;
    }

    private RawJson(JsonElement element)
    {
        Element = element;
    }

    /// <summary>Gets the JSON value (an independent, immutable copy).</summary>
    public JsonElement Element { get; private set; }

    /// <summary>Compares two values structurally (see <see cref="Equals(RawJson?)"/>).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(RawJson? left, RawJson? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two values structurally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(RawJson? left, RawJson? right) => !(left == right);

    /// <summary>Parses JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public static RawJson Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return new RawJson(document.RootElement.Clone());
    }

    /// <summary>Wraps a copy of <paramref name="element"/>.</summary>
    /// <param name="element">The JSON value.</param>
    /// <returns>The value.</returns>
    public static RawJson FromElement(JsonElement element) => new(element.Clone());

    /// <summary>Compares structurally with <see cref="JsonElement.DeepEquals"/> (object key order does not matter).</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(RawJson? other) => other is not null && JsonElement.DeepEquals(Element, other.Element);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RawJson);

    /// <inheritdoc/>
    public override int GetHashCode() => Element.ValueKind switch
    {
        JsonValueKind.Object => HashCode.Combine(JsonValueKind.Object, Element.GetPropertyCount()),
        JsonValueKind.Array => HashCode.Combine(JsonValueKind.Array, Element.GetArrayLength()),
        JsonValueKind.String => HashCode.Combine(JsonValueKind.String, StringComparer.Ordinal.GetHashCode(Element.GetString()!)),
        _ => Element.ValueKind.GetHashCode(),
    };

    /// <summary>Returns the compact JSON text.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => Element.GetRawText();

    /// <inheritdoc/>
    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
    {
        var bytes = YamlToJson.ReadNode(parser, map: null);
        using var document = JsonDocument.Parse(bytes);
        Element = document.RootElement.Clone();
    }

    /// <inheritdoc/>
    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) => JsonToYaml.WriteValue(emitter, Element);
}
