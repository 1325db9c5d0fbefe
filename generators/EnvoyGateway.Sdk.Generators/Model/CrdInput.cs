namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>
/// One candidate input file projected to strings before any parsing: the cache key of the parse step.
/// </summary>
/// <param name="Path">The additional file's path (as given to the compiler).</param>
/// <param name="Text">The full file content.</param>
/// <param name="Namespace">Target namespace (per-file <c>EgsdkNamespace</c>, else <c>RootNamespace</c>, else the default).</param>
/// <param name="Versions">The raw <c>EgsdkVersions</c> filter, or <see langword="null"/> for every served version.</param>
internal sealed record CrdInput(string Path, string Text, string Namespace, string? Versions);
