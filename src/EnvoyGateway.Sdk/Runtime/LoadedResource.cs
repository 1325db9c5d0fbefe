namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// One resource read by <see cref="ResourceSerializer"/>, with where it came from: the file, the document's index
/// in the file, the position of the document and a <see cref="Runtime.SourceMap"/> of every value in it, so that
/// later checks can report <c>file:line:column: path: message</c>.
/// </summary>
/// <remarks>
/// Paths use dots for properties and brackets for list items (<c>spec.rules[0].matches</c>); a property name that
/// is not a simple identifier is quoted in brackets (<c>metadata.labels["app.kubernetes.io/name"]</c>).
/// </remarks>
public sealed class LoadedResource
{
    internal LoadedResource(object resource, string apiVersion, string kind, string? name, string? @namespace, string? file, int documentIndex, SourcePosition start, SourceMap sourceMap)
    {
        Resource = resource;
        ApiVersion = apiVersion;
        Kind = kind;
        Name = name;
        Namespace = @namespace;
        File = file;
        DocumentIndex = documentIndex;
        Start = start;
        SourceMap = sourceMap;
    }

    /// <summary>
    /// Gets the resource: an instance of the type registered in <see cref="ResourceKinds"/> for its
    /// <c>apiVersion</c>/<c>kind</c>, or an <see cref="UnknownResource"/> when none is.
    /// </summary>
    public object Resource { get; }

    /// <summary>Gets the resource's <c>apiVersion</c>.</summary>
    public string ApiVersion { get; }

    /// <summary>Gets the resource's <c>kind</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets <c>metadata.name</c>, when present.</summary>
    public string? Name { get; }

    /// <summary>Gets <c>metadata.namespace</c>, when present.</summary>
    public string? Namespace { get; }

    /// <summary>Gets the file name given to the loader, or <see langword="null"/> for text without one.</summary>
    public string? File { get; }

    /// <summary>Gets the zero-based index of the document in its YAML stream (empty documents count), or of the item in a JSON list.</summary>
    public int DocumentIndex { get; }

    /// <summary>Gets the position where the resource starts.</summary>
    public SourcePosition Start { get; }

    /// <summary>Gets the positions of the values in the resource, by path.</summary>
    public SourceMap SourceMap { get; }

    /// <summary>Gets a value indicating whether the resource's kind is known (it is not an <see cref="UnknownResource"/>).</summary>
    public bool IsKnownKind => Resource is not UnknownResource;

    /// <summary>Returns <c>kind namespace/name</c>, for messages.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        Kind + " " + (Namespace is null ? string.Empty : Namespace + "/") + (Name ?? "<unnamed>");
}
