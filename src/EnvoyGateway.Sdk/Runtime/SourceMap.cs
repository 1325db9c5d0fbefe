using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Where each value of a loaded document came from: maps a path such as <c>spec.rules[0].matches</c> (see
/// <see cref="LoadedResource"/>) to the line and column of the value and, for object properties, of its key.
/// Paths are relative to the document root, which is the empty path.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> values;
    private readonly Dictionary<string, SourcePosition> keys;
    private readonly List<string> paths;

    internal SourceMap(Dictionary<string, SourcePosition> values, Dictionary<string, SourcePosition> keys, List<string> paths)
    {
        this.values = values;
        this.keys = keys;
        this.paths = paths;
    }

    /// <summary>Gets an empty map (for resources built in code).</summary>
    public static SourceMap Empty { get; } = new([], [], []);

    /// <summary>Gets every mapped path, in document order.</summary>
    public IReadOnlyList<string> Paths => paths;

    /// <summary>Finds the position of the value at <paramref name="path"/>.</summary>
    /// <param name="path">The path, for example <c>spec.rules[0]</c>.</param>
    /// <param name="position">The position of the value's first character.</param>
    /// <returns><see langword="true"/> when the path is in the map.</returns>
    public bool TryGetPosition(string path, out SourcePosition position) => values.TryGetValue(path, out position);

    /// <summary>Finds the position of the key of the object property at <paramref name="path"/>.</summary>
    /// <param name="path">The path of a property, for example <c>spec.timeout</c>.</param>
    /// <param name="position">The position of the key's first character.</param>
    /// <returns><see langword="true"/> when the path is a property in the map.</returns>
    public bool TryGetKeyPosition(string path, out SourcePosition position) => keys.TryGetValue(path, out position);

    /// <summary>
    /// Finds the position of the value at <paramref name="path"/> or, when it is not in the map (a missing field,
    /// or a value reached through a YAML alias), of its nearest mapped ancestor.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The position, or <see langword="null"/> when not even the root is mapped.</returns>
    public SourcePosition? FindNearest(string path)
    {
        for (string? current = path; current is not null; current = JsonPath.Parent(current))
        {
            if (values.TryGetValue(current, out var position))
            {
                return position;
            }
        }

        return null;
    }
}
