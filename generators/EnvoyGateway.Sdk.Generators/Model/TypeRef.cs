namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>The shape of a mapped C# type.</summary>
internal enum TypeRefKind
{
    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>int</c> (format int32).</summary>
    Int32,

    /// <summary><c>long</c>.</summary>
    Int64,

    /// <summary><c>double</c>.</summary>
    Double,

    /// <summary><c>bool</c>.</summary>
    Boolean,

    /// <summary>A generated object class.</summary>
    Object,

    /// <summary>A generated string-enum class.</summary>
    Enum,

    /// <summary><c>IList&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IDictionary&lt;string, T&gt;</c>.</summary>
    Map,

    /// <summary><c>EnvoyGateway.Sdk.Runtime.IntOrString</c>.</summary>
    IntOrString,

    /// <summary><c>EnvoyGateway.Sdk.Runtime.GatewayDuration</c>.</summary>
    Duration,

    /// <summary><c>EnvoyGateway.Sdk.Runtime.Quantity</c>.</summary>
    Quantity,

    /// <summary><c>EnvoyGateway.Sdk.Runtime.RawJson</c>.</summary>
    RawJson,
}

/// <summary>A mapped property type.</summary>
/// <param name="Kind">The shape.</param>
/// <param name="Name">The generated class name for <see cref="TypeRefKind.Object"/> and <see cref="TypeRefKind.Enum"/>.</param>
/// <param name="Element">The element type of lists and the value type of maps.</param>
internal sealed record TypeRef(TypeRefKind Kind, string? Name = null, TypeRef? Element = null)
{
    /// <summary><c>string</c>.</summary>
    public static readonly TypeRef String = new(TypeRefKind.String);

    /// <summary><c>int</c>.</summary>
    public static readonly TypeRef Int32 = new(TypeRefKind.Int32);

    /// <summary><c>long</c>.</summary>
    public static readonly TypeRef Int64 = new(TypeRefKind.Int64);

    /// <summary><c>double</c>.</summary>
    public static readonly TypeRef Double = new(TypeRefKind.Double);

    /// <summary><c>bool</c>.</summary>
    public static readonly TypeRef Boolean = new(TypeRefKind.Boolean);

    /// <summary>IntOrString.</summary>
    public static readonly TypeRef IntOrString = new(TypeRefKind.IntOrString);

    /// <summary>GatewayDuration.</summary>
    public static readonly TypeRef Duration = new(TypeRefKind.Duration);

    /// <summary>Quantity.</summary>
    public static readonly TypeRef Quantity = new(TypeRefKind.Quantity);

    /// <summary>RawJson.</summary>
    public static readonly TypeRef RawJson = new(TypeRefKind.RawJson);

    /// <summary>Whether the C# type is a value type (needs <c>?</c> to be nullable, <c>.Value</c> to unwrap).</summary>
    public bool IsValueType => Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Boolean;
}
