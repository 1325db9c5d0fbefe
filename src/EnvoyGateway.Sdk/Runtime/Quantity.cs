using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// A Kubernetes resource quantity such as <c>100Mi</c>, <c>0.5</c> or <c>1k</c>. The text is kept exactly as
/// written, valid or not, and whether it was a JSON number or a JSON string is remembered so it is written back the
/// same way (<c>10</c> stays a number, <c>"10"</c> stays a string).
/// </summary>
[JsonConverter(typeof(QuantityJsonConverter))]
public sealed class Quantity : IEquatable<Quantity>, IYamlConvertible
{
    /// <summary>Creates an empty value. Serializers call this before reading; prefer the conversions.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Quantity()
        : this(string.Empty, isNumber: false)
    {
    }

    private Quantity(string value, bool isNumber)
    {
        Value = value;
        IsNumber = isNumber;
    }

    /// <summary>Gets the quantity text exactly as written.</summary>
    public string Value { get; private set; }

    /// <summary>Gets a value indicating whether the value is written as a JSON number rather than a string.</summary>
    public bool IsNumber { get; private set; }

    /// <summary>Creates a string quantity such as <c>100Mi</c>.</summary>
    /// <param name="value">The text; <see langword="null"/> gives <see langword="null"/>.</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static implicit operator Quantity?(string? value) => value is null ? null : Parse(value);

    /// <summary>Creates a numeric quantity, written as a JSON number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator Quantity(long value) => FromNumber(value);

    /// <summary>Compares two values (text and JSON kind).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Quantity? left, Quantity? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two values (text and JSON kind).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Quantity? left, Quantity? right) => !(left == right);

    /// <summary>Creates a string quantity from its text (kept as is, even if invalid).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value.</returns>
    public static Quantity Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Quantity(value, isNumber: false);
    }

    /// <summary>Creates a numeric quantity, written as a JSON number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static Quantity FromNumber(long value) => new(value.ToString(CultureInfo.InvariantCulture), isNumber: true);

    /// <summary>Creates a numeric quantity from a JSON number's original text.</summary>
    internal static Quantity FromNumberText(string text) => new(text, isNumber: true);

    /// <inheritdoc/>
    public bool Equals(Quantity? other) =>
        other is not null && IsNumber == other.IsNumber && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Quantity);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsNumber, StringComparer.Ordinal.GetHashCode(Value));

    /// <summary>Returns the quantity text.</summary>
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
