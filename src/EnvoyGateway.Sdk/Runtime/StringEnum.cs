using System;
using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Base class of the string enumerations generated from CRD <c>enum</c> lists. Unlike a C# <see langword="enum"/>,
/// a value that the schema does not list is kept as it was written (so documents round-trip and validation can
/// report it) and <see cref="IsKnown"/> is then <see langword="false"/>.
/// </summary>
/// <typeparam name="TSelf">The generated enumeration type itself.</typeparam>
/// <remarks>Values compare by ordinal string equality, as Kubernetes compares them.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The name is part of the generator contract: generated enumerations derive from StringEnum<T>.")]
public abstract class StringEnum<TSelf> : IEquatable<TSelf>, IYamlConvertible
    where TSelf : StringEnum<TSelf>, new()
{
    /// <summary>Creates an empty value; serializers call this and then read the value.</summary>
    protected StringEnum()
    {
        Value = string.Empty;
    }

    /// <summary>Creates a value holding <paramref name="value"/>.</summary>
    /// <param name="value">The wire value, kept exactly.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    protected StringEnum(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Gets the wire value, exactly as written.</summary>
    public string Value { get; private set; }

    /// <summary>Gets a value indicating whether <see cref="Value"/> is one of the values the schema lists.</summary>
    public bool IsKnown
    {
        get
        {
            foreach (var known in KnownValues)
            {
                if (string.Equals(known, Value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Gets the values the schema lists, in schema order.</summary>
    protected abstract IReadOnlyList<string> KnownValues { get; }

    /// <summary>Converts a value to its wire string.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    public static implicit operator string?(StringEnum<TSelf>? value) => value?.Value;

    /// <summary>Compares two values by ordinal string equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or hold the same string.</returns>
    public static bool operator ==(StringEnum<TSelf>? left, StringEnum<TSelf>? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two values by ordinal string inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(StringEnum<TSelf>? left, StringEnum<TSelf>? right) => !(left == right);

    /// <summary>Creates a value of <typeparamref name="TSelf"/> holding <paramref name="value"/> (known or not).</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>A new instance.</returns>
    internal static TSelf Create(string value)
    {
        var created = new TSelf();
        created.Value = value;
        return created;
    }

    /// <inheritdoc/>
    public bool Equals(TSelf? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TSelf other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    /// <inheritdoc/>
    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
    {
        Value = parser.Consume<Scalar>().Value;
    }

    /// <inheritdoc/>
    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) =>
        YamlScalars.EmitString(emitter, Value);
}
