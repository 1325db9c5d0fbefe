using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>Collects positions while a document is converted; <see cref="Build"/> freezes them.</summary>
internal sealed class SourceMapBuilder
{
    private readonly Dictionary<string, SourcePosition> values = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, SourcePosition> keys = new(System.StringComparer.Ordinal);
    private readonly List<string> paths = [];

    /// <summary>Records the position of the value at <paramref name="path"/> (the first record wins).</summary>
    public void AddValue(string path, SourcePosition position)
    {
        if (values.TryAdd(path, position))
        {
            paths.Add(path);
        }
    }

    /// <summary>Records the position of the key of the property at <paramref name="path"/>.</summary>
    public void AddKey(string path, SourcePosition position) => keys.TryAdd(path, position);

    /// <summary>Creates the immutable map.</summary>
    public SourceMap Build() => new(values, keys, paths);
}
