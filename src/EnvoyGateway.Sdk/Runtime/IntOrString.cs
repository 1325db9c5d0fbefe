using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// A value of a schema marked <c>x-kubernetes-int-or-string</c>: an integer (written as a JSON number) or a string
/// (written as a JSON string), such as a port number or a port name, or <c>25%</c>.
/// </summary>
/// <remarks>
/// The JSON kind is part of the value: <c>80</c> and <c>"80"</c> are different values and each is written back as
/// it was read. A number that is not an integer (<c>1.5</c>) is kept with its text so validation can report it; then
/// <see cref="IsInt"/> and <see cref="IsString"/> are both <see langword="false"/>.
/// </remarks>
[JsonConverter(typeof(IntOrStringJsonConverter))]
public sealed class IntOrString : IEquatable<IntOrString>, IYamlConvertible
{
    private string text;
    private bool isNumber;

    /// <summary>Creates an empty string value. Serializers call this before reading; prefer the conversions.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IntOrString()
        : this(string.Empty, isNumber: false)
    {
    }

    private IntOrString(string text, bool isNumber)
    {
        this.text = text;
        this.isNumber = isNumber;
    }

    /// <summary>Gets a value indicating whether the value is an integer (a JSON number without fraction).</summary>
    public bool IsInt => isNumber && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>Gets a value indicating whether the value is a string.</summary>
    public bool IsString => !isNumber;

    /// <summary>Gets the integer, or <see langword="null"/> when the value is not an integer.</summary>
    public long? IntValue =>
        isNumber && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Gets the string, or <see langword="null"/> when the value is a number.</summary>
    public string? StringValue => isNumber ? null : text;

    /// <summary>Gets the value as text: the string, or the number as it was written.</summary>
    public string Value => text;

    /// <summary>Gets a value indicating whether the value is written as a JSON number.</summary>
    internal bool IsNumber => isNumber;

    /// <summary>Creates an integer value.</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator IntOrString(int value) => FromInt(value);

    /// <summary>Creates an integer value.</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator IntOrString(long value) => FromInt(value);

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string; <see langword="null"/> gives <see langword="null"/>.</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static implicit operator IntOrString?(string? value) => value is null ? null : FromString(value);

    /// <summary>Compares two values (kind and text).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(IntOrString? left, IntOrString? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two values (kind and text).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(IntOrString? left, IntOrString? right) => !(left == right);

    /// <summary>Creates an integer value.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The value.</returns>
    public static IntOrString FromInt(long value) => new(value.ToString(CultureInfo.InvariantCulture), isNumber: true);

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static IntOrString FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, isNumber: false);
    }

    /// <summary>Creates a value from a JSON number's original text (which may have a fraction).</summary>
    internal static IntOrString FromNumberText(string text) => new(text, isNumber: true);

    /// <inheritdoc/>
    public bool Equals(IntOrString? other) =>
        other is not null && isNumber == other.isNumber && string.Equals(text, other.text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as IntOrString);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(isNumber, StringComparer.Ordinal.GetHashCode(text));

    /// <summary>Returns the value as text.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => text;

    /// <inheritdoc/>
    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        isNumber = YamlScalars.Resolve(scalar) == YamlScalars.Kind.Number;
        text = scalar.Value;
    }

    /// <inheritdoc/>
    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer)
    {
        if (isNumber)
        {
            YamlScalars.EmitNumber(emitter, text);
        }
        else
        {
            YamlScalars.EmitString(emitter, text);
        }
    }
}
