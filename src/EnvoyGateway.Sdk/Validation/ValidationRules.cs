namespace EnvoyGateway.Sdk.Validation;

/// <summary>The names used in <see cref="ValidationError.Rule"/>.</summary>
public static class ValidationRules
{
    /// <summary>A required property is missing.</summary>
    public const string Required = "required";

    /// <summary>The value is not one of the allowed values.</summary>
    public const string Enum = "enum";

    /// <summary>A number is below <c>minimum</c>.</summary>
    public const string Minimum = "minimum";

    /// <summary>A number is above <c>maximum</c>.</summary>
    public const string Maximum = "maximum";

    /// <summary>A number is not above an exclusive <c>minimum</c>.</summary>
    public const string ExclusiveMinimum = "exclusiveMinimum";

    /// <summary>A number is not below an exclusive <c>maximum</c>.</summary>
    public const string ExclusiveMaximum = "exclusiveMaximum";

    /// <summary>A number is not a multiple of <c>multipleOf</c>.</summary>
    public const string MultipleOf = "multipleOf";

    /// <summary>A string is shorter than <c>minLength</c>.</summary>
    public const string MinLength = "minLength";

    /// <summary>A string is longer than <c>maxLength</c>.</summary>
    public const string MaxLength = "maxLength";

    /// <summary>A string does not match <c>pattern</c>.</summary>
    public const string Pattern = "pattern";

    /// <summary>A list has fewer items than <c>minItems</c>.</summary>
    public const string MinItems = "minItems";

    /// <summary>A list has more items than <c>maxItems</c>.</summary>
    public const string MaxItems = "maxItems";

    /// <summary>A list with <c>uniqueItems</c> has duplicates.</summary>
    public const string UniqueItems = "uniqueItems";

    /// <summary>An object has fewer properties than <c>minProperties</c>.</summary>
    public const string MinProperties = "minProperties";

    /// <summary>An object has more properties than <c>maxProperties</c>.</summary>
    public const string MaxProperties = "maxProperties";

    /// <summary>A value does not have its <c>format</c> (duration, date-time, ipv4, int32, ...).</summary>
    public const string Format = "format";

    /// <summary>A value has the wrong JSON type.</summary>
    public const string Type = "type";

    /// <summary>A <c>null</c> where the schema is not <c>nullable</c> (the API server prunes it).</summary>
    public const string Nullable = "nullable";

    /// <summary>A field the schema does not declare (the API server prunes it).</summary>
    public const string UnknownField = "unknownField";

    /// <summary>Two items of an <c>x-kubernetes-list-type: map</c> list have the same keys.</summary>
    public const string ListMapKey = "listMapKey";

    /// <summary>Two items of an <c>x-kubernetes-list-type: set</c> list are equal.</summary>
    public const string ListSet = "listSet";

    /// <summary>An <c>x-kubernetes-int-or-string</c> value is neither an integer nor a string.</summary>
    public const string IntOrString = "intOrString";

    /// <summary>A value matches none (<c>anyOf</c>/<c>oneOf</c>), or more than one (<c>oneOf</c>), of the alternatives, or matches a <c>not</c>.</summary>
    public const string Composition = "composition";

    /// <summary>A CEL rule of <c>x-kubernetes-validations</c> evaluated to false (or failed on the data).</summary>
    public const string Cel = "cel";

    /// <summary>
    /// A route's regular expression that Envoy's RE2 engine refuses (not an API server check: Envoy Gateway leaves the
    /// rule out of the configuration).
    /// </summary>
    public const string Re2 = "re2";

    /// <summary>A CEL rule could not be evaluated here (unsupported function, compile error); never treated as passing.</summary>
    public const string CelNotEvaluated = "celNotEvaluated";
}
