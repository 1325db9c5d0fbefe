using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EnvoyGateway.Sdk.Xds.Tests;

/// <summary>
/// The path language of the xDS conformance corpus (shared/conformance/README.md): <c>a.b</c>, <c>[n]</c>,
/// <c>[?k=v]</c>, <c>[?k^=v]</c>, <c>["key"]</c> and <c>&lt;full.Type&gt;</c> over a resource's canonical JSON.
/// </summary>
internal static partial class ConformancePath
{
    /// <summary>Resolves <paramref name="path"/>; null with the failing step when something is missing.</summary>
    public static (bool Found, JsonNode? Value, string? Failure) Resolve(JsonNode resource, string path)
    {
        JsonNode? current = resource;
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }

            if (path[i] == '<')
            {
                var end = path.IndexOf('>', i);
                var type = path[(i + 1)..end];
                if (current is not JsonObject any || any["@type"]?.GetValue<string>() != "type.googleapis.com/" + type)
                {
                    return (false, null, $"<{type}>");
                }

                var copy = new JsonObject(any.Where(p => p.Key != "@type").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
                current = copy.Count == 1 && copy["value"] is { } wellKnown && type.StartsWith("google.protobuf.", StringComparison.Ordinal) ? wellKnown : copy;
                i = end + 1;
                continue;
            }

            if (path[i] == '[')
            {
                if (path[i + 1] is '"' or '\'')
                {
                    var quote = path[i + 1];
                    var end = path.IndexOf(quote + "]", i + 2, StringComparison.Ordinal);
                    var key = path[(i + 2)..end];
                    current = (current as JsonObject)?[key];
                    if (current is null)
                    {
                        return (false, null, $"[\"{key}\"]");
                    }

                    i = end + 2;
                    continue;
                }

                var close = path.IndexOf(']', i);
                var body = path[(i + 1)..close];
                i = close + 1;
                if (body.StartsWith('?'))
                {
                    var match = FilterSyntax().Match(body[1..]);
                    var keys = match.Groups[1].Value.Split('.');
                    var prefix = match.Groups[2].Value == "^=";
                    var want = match.Groups[3].Value;
                    current = (current as JsonArray)?.FirstOrDefault(e => Dotted(e, keys) is { } v && (prefix ? Text(v).StartsWith(want, StringComparison.Ordinal) : Text(v) == want));
                    if (current is null)
                    {
                        return (false, null, $"[{body}]");
                    }

                    continue;
                }

                var index = int.Parse(body, CultureInfo.InvariantCulture);
                current = current is JsonArray array && index < array.Count ? array[index] : null;
                if (current is null)
                {
                    return (false, null, $"[{body}]");
                }

                continue;
            }

            var nameEnd = path.IndexOfAny(['.', '[', '<'], i);
            var name = nameEnd < 0 ? path[i..] : path[i..nameEnd];
            i = nameEnd < 0 ? path.Length : nameEnd;
            current = (current as JsonObject)?[name];
            if (current is null)
            {
                return (false, null, name);
            }
        }

        return (true, current, null);
    }

    /// <summary>Deep equality with numbers compared by value (<c>1 == 1.0</c>, but <c>"1" != 1</c>).</summary>
    public static bool JsonEquals(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.ContainsKey(p.Key) && JsonEquals(p.Value, y[p.Key])),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => JsonEquals(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number =>
            x.GetValue<decimal>() == y.GetValue<decimal>(),
        (JsonValue x, JsonValue y) => x.ToJsonString() == y.ToJsonString(),
        _ => false,
    };

    /// <summary>Subset match: every field of <paramref name="want"/> matches in <paramref name="have"/>.</summary>
    public static bool SubsetMatch(JsonNode? have, JsonNode? want) =>
        want is JsonObject w ? have is JsonObject h && w.All(p => h.ContainsKey(p.Key) && SubsetMatch(h[p.Key], p.Value)) : JsonEquals(have, want);

    private static JsonNode? Dotted(JsonNode? element, string[] keys)
    {
        foreach (var key in keys)
        {
            element = (element as JsonObject)?[key];
        }

        return element;
    }

    private static string Text(JsonNode value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString();

    [GeneratedRegex(@"^([^=^]+?)(\^=|=)(.*)$", RegexOptions.Singleline)]
    private static partial Regex FilterSyntax();
}
