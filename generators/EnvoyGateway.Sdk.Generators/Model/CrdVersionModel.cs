namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>
/// Everything needed to emit the C# for one served version of one CRD. This is the cache key of the emit step.
/// </summary>
/// <remarks>
/// Cache-key invariants: only strings, bools, enums, nested records and <see cref="EquatableArray{T}"/>; no Roslyn
/// symbols, syntax, compilations or locations (diagnostic positions live in <c>DiagnosticInfo</c>, outside this model).
/// Two parses of the same text give equal models.
/// </remarks>
/// <param name="SourcePath">The CRD file path (for diagnostics and hint-name tie breaking).</param>
/// <param name="Document">The zero-based YAML document index of the CRD within the file (hint-name tie breaking).</param>
/// <param name="Namespace">The full C# namespace (configured namespace + Pascal-cased version).</param>
/// <param name="Group">The API group, e.g. <c>gateway.envoyproxy.io</c>.</param>
/// <param name="Version">The version name, e.g. <c>v1alpha1</c>.</param>
/// <param name="Kind">The kind, e.g. <c>BackendTrafficPolicy</c>.</param>
/// <param name="Plural">The plural resource name.</param>
/// <param name="Scope">The resource scope (<c>Namespaced</c> or <c>Cluster</c>).</param>
/// <param name="Root">The kind's own class (the first entry of <paramref name="Objects"/> is not repeated here).</param>
/// <param name="Objects">All other object classes in schema path order.</param>
/// <param name="Enums">All string-enum classes in schema path order.</param>
/// <param name="SchemaJson">
/// The version's <c>openAPIV3Schema</c> as compact JSON in schema key order, descriptions dropped, for the runtime
/// validator (a plain string, so equal schemas compare equal and an edited description leaves it unchanged).
/// </param>
internal sealed record CrdVersionModel(
    string SourcePath,
    int Document,
    string Namespace,
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Scope,
    ObjectTypeModel Root,
    EquatableArray<ObjectTypeModel> Objects,
    EquatableArray<EnumTypeModel> Enums,
    string SchemaJson)
{
    /// <summary>The stable hint-name stem <c>{Group}.{Version}.{Kind}</c>.</summary>
    public string HintStem => Group + "." + Version + "." + Kind;

    /// <summary>The fully qualified kind type, <c>global::</c>-prefixed.</summary>
    public string QualifiedKindType => "global::" + Namespace + "." + Root.Name;

    /// <summary>The <c>apiVersion</c> value, <c>{Group}/{Version}</c>.</summary>
    public string ApiVersion => Group + "/" + Version;
}
