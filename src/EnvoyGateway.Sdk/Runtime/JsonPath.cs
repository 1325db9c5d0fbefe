using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// The SDK's path syntax for places in a resource: <c>spec.rules[0].matches</c>, with names that are not simple
/// identifiers in brackets (<c>metadata.labels["app.kubernetes.io/name"]</c>). The document root is the empty path.
/// </summary>
internal static partial class JsonPath
{
    /// <summary>The path of a property of the object at <paramref name="parent"/>.</summary>
    public static string Property(string parent, string name)
    {
        if (SimpleName().IsMatch(name))
        {
            return parent.Length == 0 ? name : parent + "." + name;
        }

        var builder = new StringBuilder(parent).Append("[\"");
        foreach (var c in name)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                _ => builder.Append(c),
            };
        }

        return builder.Append("\"]").ToString();
    }

    /// <summary>The path of an item of the list at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>The path of the parent of <paramref name="path"/>, or <see langword="null"/> for the root.</summary>
    public static string? Parent(string path)
    {
        var segments = Split(path);
        if (segments.Count == 0)
        {
            return null;
        }

        segments.RemoveAt(segments.Count - 1);
        return Join(segments);
    }

    /// <summary>Splits a path into its property-name and list-index steps.</summary>
    public static List<PathSegment> Split(string path)
    {
        var segments = new List<PathSegment>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '"')
            {
                var name = new StringBuilder();
                i += 2;
                while (i < path.Length && path[i] != '"')
                {
                    if (path[i] == '\\' && i + 1 < path.Length)
                    {
                        i++;
                    }

                    name.Append(path[i++]);
                }

                segments.Add(PathSegment.Named(name.ToString()));
                i += 2; // closing quote and bracket
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                segments.Add(PathSegment.Indexed(int.Parse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture)));
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < path.Length && path[i] is not ('.' or '['))
                {
                    i++;
                }

                segments.Add(PathSegment.Named(path[start..i]));
            }
        }

        return segments;
    }

    /// <summary>Builds a path from segments.</summary>
    public static string Join(IEnumerable<PathSegment> segments)
    {
        var path = string.Empty;
        foreach (var segment in segments)
        {
            path = segment.Name is { } name ? Property(path, name) : Index(path, segment.Index);
        }

        return path;
    }

    /// <summary>
    /// Converts a System.Text.Json exception path (<c>$.spec.rules[0]['a.b']</c>) to the SDK's syntax, or returns
    /// <see langword="null"/> when it cannot be read.
    /// </summary>
    public static string? FromSystemTextJson(string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<PathSegment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && path[i] is not ('.' or '['))
                {
                    i++;
                }

                segments.Add(PathSegment.Named(path[start..i]));
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var name = new StringBuilder();
                i += 2;
                while (i < path.Length && !path.AsSpan(i).StartsWith("']", StringComparison.Ordinal))
                {
                    if (path[i] == '\\' && i + 1 < path.Length)
                    {
                        i++;
                    }

                    name.Append(path[i++]);
                }

                segments.Add(PathSegment.Named(name.ToString()));
                i += 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                segments.Add(PathSegment.Indexed(index));
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return Join(segments);
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleName();
}

/// <summary>One step of a <see cref="JsonPath"/>: a property name or a list index.</summary>
/// <param name="Name">The property name, or <see langword="null"/> for a list index.</param>
/// <param name="Index">The list index when <paramref name="Name"/> is <see langword="null"/>.</param>
internal readonly record struct PathSegment(string? Name, int Index)
{
    /// <summary>A property step.</summary>
    public static PathSegment Named(string name) => new(name, -1);

    /// <summary>A list index step.</summary>
    public static PathSegment Indexed(int index) => new(null, index);
}
