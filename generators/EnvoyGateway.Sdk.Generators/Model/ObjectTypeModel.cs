namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>A generated <c>sealed partial class</c> for an object schema.</summary>
/// <param name="Name">The C# class name (unique within the namespace, builder name included).</param>
/// <param name="Path">The schema path, e.g. <c>spec.targetRefs[*]</c>.</param>
/// <param name="SchemaPointer">
/// The JSON Pointer of the object's schema within <c>openAPIV3Schema</c>, e.g.
/// <c>/properties/spec/properties/targetRefs/items</c> (empty for the kind itself).
/// </param>
/// <param name="Description">The schema description, if any.</param>
/// <param name="Properties">The properties in schema order.</param>
/// <param name="Constraints">The object's own constraints (required, CEL rules, ...), kept for validation.</param>
internal sealed record ObjectTypeModel(
    string Name,
    string Path,
    string SchemaPointer,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    SchemaConstraints Constraints);
