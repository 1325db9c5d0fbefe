using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EnvoyGateway.Sdk.Translation.Xds.Validation;

/// <summary>
/// The JSON path of the value being checked, kept as a stack the walker pushes and pops and rendered only when a
/// violation is reported: a resource has thousands of fields and almost never a violation, so building a path
/// string per field would dominate validation time.
/// </summary>
internal sealed class PgvPath
{
    private readonly List<(Kind Kind, string? Text, int Index)> segments = [];

    private enum Kind
    {
        Field,
        Index,
        Key,
        Type,
        KeySuffix,
    }

    /// <summary>A path that starts with <paramref name="root"/> as written (for checking one value on its own).</summary>
    public static implicit operator PgvPath(string root)
    {
        var path = new PgvPath();
        if (root.Length > 0)
        {
            path.segments.Add((Kind.Field, root, 0));
        }

        return path;
    }

    public void PushField(string name) => segments.Add((Kind.Field, name, 0));

    public void PushIndex(int index) => segments.Add((Kind.Index, null, index));

    public void PushKey(object key) => segments.Add((Kind.Key, System.Convert.ToString(key, CultureInfo.InvariantCulture), 0));

    /// <summary>The payload type of an <c>Any</c>: <c>typedConfig&lt;envoy.…&gt;</c>.</summary>
    public void PushType(string typeName) => segments.Add((Kind.Type, typeName, 0));

    /// <summary>Marks the map key itself (not its value) as the checked value.</summary>
    public void PushKeySuffix() => segments.Add((Kind.KeySuffix, null, 0));

    public void Pop() => segments.RemoveAt(segments.Count - 1);

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (kind, segment, index) in segments)
        {
            _ = kind switch
            {
                Kind.Field => text.Append(text.Length == 0 ? string.Empty : ".").Append(segment),
                Kind.Index => text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']'),
                Kind.Key => text.Append("[\"").Append(segment).Append("\"]"),
                Kind.Type => text.Append('<').Append(segment).Append('>'),
                _ => text.Append(" (key)"),
            };
        }

        return text.ToString();
    }
}
