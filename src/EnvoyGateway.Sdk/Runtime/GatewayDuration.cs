using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// A duration string such as <c>1h30m</c>, <c>10s</c> or <c>500ms</c> (Gateway API GEP-2257 format; Go
/// <c>time.ParseDuration</c> strings like <c>1.5s</c> are understood too). The text is kept exactly as written,
/// valid or not, so a document round-trips and validation can report a bad value; nothing here throws on bad input.
/// </summary>
/// <remarks>Equality compares the text: <c>60s</c> and <c>1m</c> are different values with the same <see cref="TimeSpan"/>.</remarks>
[JsonConverter(typeof(GatewayDurationJsonConverter))]
public sealed class GatewayDuration : IEquatable<GatewayDuration>, IYamlConvertible
{
    /// <summary>Creates an empty value. Serializers call this before reading; prefer the conversions.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public GatewayDuration()
        : this(string.Empty)
    {
    }

    private GatewayDuration(string value, bool isNumber = false)
    {
        Value = value;
        IsNumber = isNumber;
    }

    /// <summary>Gets the duration text exactly as written.</summary>
    public string Value { get; private set; }

    /// <summary>Gets a value indicating whether <see cref="Value"/> matches the Gateway API duration pattern.</summary>
    public bool IsGatewayApiFormat => !IsNumber && GatewayDurationFormat.IsGatewayApiFormat(Value);

    /// <summary>Gets a value indicating whether the value was a bare number in the document (always invalid; kept for round trips).</summary>
    internal bool IsNumber { get; private set; }

    /// <summary>Creates a value from its text (kept as is, even if invalid).</summary>
    /// <param name="value">The text; <see langword="null"/> gives <see langword="null"/>.</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static implicit operator GatewayDuration?(string? value) => value is null ? null : new GatewayDuration(value);

    /// <summary>Creates a value from a <see cref="TimeSpan"/>; see <see cref="FromTimeSpan"/>.</summary>
    /// <param name="value">The duration.</param>
    public static implicit operator GatewayDuration(TimeSpan value) => FromTimeSpan(value);

    /// <summary>Compares the texts of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(GatewayDuration? left, GatewayDuration? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares the texts of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(GatewayDuration? left, GatewayDuration? right) => !(left == right);

    /// <summary>Creates a value from its text (kept as is, even if invalid).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value.</returns>
    public static GatewayDuration Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new GatewayDuration(value);
    }

    /// <summary>
    /// Formats a <see cref="TimeSpan"/> in Gateway API style using the largest units first and omitting zero parts
    /// (<c>1h30m</c>, <c>1m0s</c> becomes <c>1m</c>, <c>1500 ms</c> becomes <c>1s500ms</c>, zero becomes <c>0s</c>).
    /// Negative or sub-millisecond values, which that format cannot express, use Go style (<c>-1m</c>, <c>0.0001s</c>).
    /// </summary>
    /// <param name="value">The duration.</param>
    /// <returns>The value.</returns>
    public static GatewayDuration FromTimeSpan(TimeSpan value) => new(GatewayDurationFormat.Format(value));

    /// <summary>Creates a value from a bare JSON/YAML number's text (invalid, kept for round trips).</summary>
    internal static GatewayDuration FromNumberText(string text) => new(text, isNumber: true);

    /// <summary>Converts the text to a <see cref="TimeSpan"/>. Never throws.</summary>
    /// <param name="value">The duration, or <see cref="TimeSpan.Zero"/> when the text is not a valid duration.</param>
    /// <returns><see langword="true"/> when the text is a valid duration.</returns>
    public bool TryGetTimeSpan(out TimeSpan value)
    {
        if (IsNumber && Value is not "0")
        {
            value = TimeSpan.Zero;
            return false;
        }

        return GatewayDurationFormat.TryParse(Value, out value);
    }

    /// <inheritdoc/>
    public bool Equals(GatewayDuration? other) =>
        other is not null && IsNumber == other.IsNumber && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GatewayDuration);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the duration text.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    /// <inheritdoc/>
    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        Value = scalar.Value;
        IsNumber = YamlScalars.Resolve(scalar) == YamlScalars.Kind.Number;
    }

    /// <inheritdoc/>
    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer)
    {
        if (IsNumber)
        {
            YamlScalars.EmitNumber(emitter, Value);
        }
        else
        {
            YamlScalars.EmitString(emitter, Value);
        }
    }
}
