namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>
/// Validation-relevant facts of one schema node, kept in the model (not emitted yet) as the seam for a validation
/// emitter. Numbers are kept as their original text so nothing is lost to parsing.
/// </summary>
internal sealed record SchemaConstraints
{
    /// <summary>A node without constraints.</summary>
    public static readonly SchemaConstraints None = new();

    /// <summary>The <c>format</c>.</summary>
    public string? Format { get; init; }

    /// <summary>The <c>pattern</c> regular expression.</summary>
    public string? Pattern { get; init; }

    /// <summary>The <c>minimum</c>.</summary>
    public string? Minimum { get; init; }

    /// <summary>The <c>maximum</c>.</summary>
    public string? Maximum { get; init; }

    /// <summary>The <c>exclusiveMinimum</c> flag.</summary>
    public bool ExclusiveMinimum { get; init; }

    /// <summary>The <c>exclusiveMaximum</c> flag.</summary>
    public bool ExclusiveMaximum { get; init; }

    /// <summary>The <c>multipleOf</c>.</summary>
    public string? MultipleOf { get; init; }

    /// <summary>The <c>minLength</c>.</summary>
    public string? MinLength { get; init; }

    /// <summary>The <c>maxLength</c>.</summary>
    public string? MaxLength { get; init; }

    /// <summary>The <c>minItems</c>.</summary>
    public string? MinItems { get; init; }

    /// <summary>The <c>maxItems</c>.</summary>
    public string? MaxItems { get; init; }

    /// <summary>The <c>uniqueItems</c> flag.</summary>
    public bool UniqueItems { get; init; }

    /// <summary>The <c>minProperties</c>.</summary>
    public string? MinProperties { get; init; }

    /// <summary>The <c>maxProperties</c>.</summary>
    public string? MaxProperties { get; init; }

    /// <summary>The <c>nullable</c> flag.</summary>
    public bool Nullable { get; init; }

    /// <summary>The <c>enum</c> values (scalar text).</summary>
    public EquatableArray<string> Enum { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The <c>required</c> field names.</summary>
    public EquatableArray<string> Required { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The <c>x-kubernetes-list-type</c>.</summary>
    public string? ListType { get; init; }

    /// <summary>The <c>x-kubernetes-list-map-keys</c>.</summary>
    public EquatableArray<string> ListMapKeys { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The <c>x-kubernetes-map-type</c>.</summary>
    public string? MapType { get; init; }

    /// <summary>The <c>x-kubernetes-validations</c> CEL rules.</summary>
    public EquatableArray<ValidationRuleModel> Rules { get; init; } = EquatableArray<ValidationRuleModel>.Empty;

    /// <summary>The <c>allOf</c> branches (constraint-only).</summary>
    public EquatableArray<SchemaBranch> AllOf { get; init; } = EquatableArray<SchemaBranch>.Empty;

    /// <summary>The <c>anyOf</c> branches (constraint-only).</summary>
    public EquatableArray<SchemaBranch> AnyOf { get; init; } = EquatableArray<SchemaBranch>.Empty;

    /// <summary>The <c>oneOf</c> branches (constraint-only).</summary>
    public EquatableArray<SchemaBranch> OneOf { get; init; } = EquatableArray<SchemaBranch>.Empty;

    /// <summary>The <c>not</c> branch.</summary>
    public SchemaBranch? Not { get; init; }
}

/// <summary>One CEL rule from <c>x-kubernetes-validations</c>.</summary>
/// <param name="Rule">The CEL expression.</param>
/// <param name="Message">The static message.</param>
/// <param name="MessageExpression">The CEL message expression.</param>
/// <param name="FieldPath">The field path the error is reported at.</param>
/// <param name="Reason">The machine-readable reason.</param>
internal sealed record ValidationRuleModel(string Rule, string? Message, string? MessageExpression, string? FieldPath, string? Reason);

/// <summary>A constraint-only branch of <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c>.</summary>
/// <param name="Constraints">The branch's own constraints (its <c>required</c> list included).</param>
/// <param name="Properties">Constraints the branch puts on existing properties.</param>
internal sealed record SchemaBranch(SchemaConstraints Constraints, EquatableArray<PropertyConstraint> Properties);

/// <summary>Constraints a branch puts on one property.</summary>
/// <param name="WireName">The property's wire name.</param>
/// <param name="Constraints">The constraints.</param>
internal sealed record PropertyConstraint(string WireName, SchemaConstraints Constraints);
