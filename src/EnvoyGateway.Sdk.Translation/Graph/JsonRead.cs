using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>Null-tolerant reads over a resource's JSON form (the graph reads the few fields it needs this way, for every route kind alike).</summary>
internal static class JsonRead
{
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement? Get(this JsonElement? element, string name) => element is { } e ? e.Get(name) : null;

    public static string? String(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } e ? e.GetString() : element is { ValueKind: JsonValueKind.Number } n ? n.GetRawText() : null;

    public static int? Int(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Number } e && e.TryGetInt32(out var v) ? v : null;

    public static IEnumerable<JsonElement> Items(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } e ? e.EnumerateArray() : Enumerable.Empty<JsonElement>();

    public static IReadOnlyDictionary<string, string> StringMap(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } e
            ? e.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
}
