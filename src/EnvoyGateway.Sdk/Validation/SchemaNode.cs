using System.Collections.Generic;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>One node of a parsed OpenAPI v3 schema (immutable after parsing).</summary>
internal sealed class SchemaNode
{
    public string? Type { get; init; }

    public bool Nullable { get; init; }

    public bool IntOrString { get; init; }

    public bool PreserveUnknownFields { get; init; }

    public bool EmbeddedResource { get; init; }

    /// <summary>Gets the declared properties, in schema order; <see langword="null"/> when none are declared.</summary>
    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; init; }

    public SchemaNode? Items { get; init; }

    public SchemaNode? AdditionalProperties { get; init; }

    /// <summary>Gets a value indicating whether <c>additionalProperties: true</c> (any value) was given.</summary>
    public bool AdditionalPropertiesAllowed { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    public JsonElement? Default { get; init; }

    public IReadOnlyList<JsonElement>? Enum { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public decimal? MultipleOf { get; init; }

    public long? MinLength { get; init; }

    public long? MaxLength { get; init; }

    public long? MinItems { get; init; }

    public long? MaxItems { get; init; }

    public long? MinProperties { get; init; }

    public long? MaxProperties { get; init; }

    public bool UniqueItems { get; init; }

    public string? Pattern { get; init; }

    public string? Format { get; init; }

    public string? ListType { get; init; }

    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    public IReadOnlyList<SchemaNode> AllOf { get; init; } = [];

    public IReadOnlyList<SchemaNode> AnyOf { get; init; } = [];

    public IReadOnlyList<SchemaNode> OneOf { get; init; } = [];

    public SchemaNode? Not { get; init; }

    public IReadOnlyList<CelRule> Rules { get; init; } = [];

    /// <summary>Gets a value indicating whether a property below this node has a secret-suggesting name.</summary>
    public bool ContainsSecretNames { get; init; }

    /// <summary>Gets the child schema for property <paramref name="name"/>, or <see langword="null"/> when undeclared.</summary>
    public SchemaNode? PropertySchema(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var child) ? child : AdditionalProperties;
}

/// <summary>One entry of <c>x-kubernetes-validations</c>.</summary>
/// <param name="Rule">The CEL expression.</param>
/// <param name="Message">The static message, if any.</param>
/// <param name="MessageExpression">A CEL expression giving the message, if any.</param>
/// <param name="FieldPath">The JSONPath-like path (relative to the node) to report, if any.</param>
/// <param name="Reason">The reason (FieldValueInvalid, FieldValueForbidden, ...), if any.</param>
internal sealed record CelRule(string Rule, string? Message, string? MessageExpression, string? FieldPath, string? Reason);
