namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>What the kind registration module initializer needs for one generated kind: the cache key of that step.</summary>
/// <param name="KindType">The fully qualified kind type, <c>global::</c>-prefixed.</param>
/// <param name="ApiVersion">The <c>group/version</c>.</param>
/// <param name="Kind">The kind.</param>
/// <param name="SchemaJson">The version's <c>openAPIV3Schema</c> as compact JSON.</param>
internal sealed record KindRegistration(string KindType, string ApiVersion, string Kind, string SchemaJson)
{
    /// <summary>Projects a version model (dropping everything the registration does not use, so unrelated edits stay cached).</summary>
    public static KindRegistration From(CrdVersionModel model) =>
        new(model.QualifiedKindType, model.ApiVersion, model.Kind, model.SchemaJson);
}
