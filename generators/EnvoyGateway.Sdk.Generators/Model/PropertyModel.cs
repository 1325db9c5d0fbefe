namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>A property of a generated class.</summary>
/// <param name="Name">The C# property name (collision-free within the class).</param>
/// <param name="WireName">The JSON/YAML field name.</param>
/// <param name="Description">The schema description, if any.</param>
/// <param name="Type">The mapped type.</param>
/// <param name="Required">Whether the field is listed in the owner's <c>required</c> (non-nullable in C#).</param>
/// <param name="Constraints">The constraints of the field's schema (bounds, pattern, enum, CEL rules, ...).</param>
/// <param name="ElementConstraints">For lists and maps: the constraints of the item/value schema.</param>
/// <param name="ItemAdder">
/// For lists: the builder method that adds one item, <c>Add</c> + the singular of <paramref name="Name"/>
/// (<c>AddTargetRef</c>), or <c>Add</c> + <paramref name="Name"/> when the name has no singular or the singular
/// name is taken by another member of the builder. <see langword="null"/> for other properties.
/// </param>
internal sealed record PropertyModel(
    string Name,
    string WireName,
    string? Description,
    TypeRef Type,
    bool Required,
    SchemaConstraints Constraints,
    SchemaConstraints? ElementConstraints,
    string? ItemAdder)
{
    /// <summary>For lists: the builder method that adds several items at once, always <c>Add</c> + <see cref="Name"/>.</summary>
    public string ItemsAdder => "Add" + Name;
}
