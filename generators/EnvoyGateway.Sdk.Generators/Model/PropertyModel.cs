namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>A property of a generated class.</summary>
/// <param name="Name">The C# property name (collision-free within the class).</param>
/// <param name="WireName">The JSON/YAML field name.</param>
/// <param name="Description">The schema description, if any.</param>
/// <param name="Type">The mapped type.</param>
/// <param name="Required">Whether the field is listed in the owner's <c>required</c> (non-nullable in C#).</param>
/// <param name="Constraints">The constraints of the field's schema (bounds, pattern, enum, CEL rules, ...).</param>
/// <param name="ElementConstraints">For lists and maps: the constraints of the item/value schema.</param>
internal sealed record PropertyModel(
    string Name,
    string WireName,
    string? Description,
    TypeRef Type,
    bool Required,
    SchemaConstraints Constraints,
    SchemaConstraints? ElementConstraints);
