using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EnvoyGateway.Sdk.Translation.Merging;

/// <summary>
/// Kubernetes strategic merge patch as it applies to Envoy Gateway's policy types: objects merge recursively,
/// scalars from the patch win, <c>null</c> deletes, lists with a merge key merge item by item (patch items first, in
/// patch order, then target-only items in target order), every other list is replaced.
/// </summary>
internal static class StrategicMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="target"/>; neither input is modified.</summary>
    /// <param name="target">The parent object.</param>
    /// <param name="patch">The patch (the more specific policy).</param>
    /// <param name="mergeKeys">List field paths (dotted, without indices, from the root) mapped to their merge key.</param>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, IReadOnlyDictionary<string, string> mergeKeys) =>
        Apply(target, patch, mergeKeys, string.Empty);

    private static JsonNode? Apply(JsonNode? target, JsonNode? patch, IReadOnlyDictionary<string, string> mergeKeys, string path)
    {
        switch (patch)
        {
            case JsonObject patchObject when target is JsonObject targetObject:
                var result = (JsonObject)targetObject.DeepClone();
                foreach (var (name, value) in patchObject.ToList())
                {
                    var childPath = path.Length == 0 ? name : path + "." + name;
                    if (value is null)
                    {
                        result.Remove(name);
                    }
                    else
                    {
                        result[name] = Apply(targetObject[name], value, mergeKeys, childPath);
                    }
                }

                return result;
            case JsonArray patchArray when target is JsonArray targetArray && mergeKeys.TryGetValue(path, out var key):
                return MergeList(targetArray, patchArray, key, mergeKeys, path);
            default:
                return patch?.DeepClone();
        }
    }

    private static JsonArray MergeList(JsonArray target, JsonArray patch, string key, IReadOnlyDictionary<string, string> mergeKeys, string path)
    {
        var merged = new JsonArray();
        var used = new HashSet<int>();
        foreach (var item in patch)
        {
            var match = IndexOfKey(target, key, KeyOf(item, key), used);
            if (match >= 0)
            {
                used.Add(match);
                merged.Add(Apply(target[match], item, mergeKeys, path));
            }
            else
            {
                merged.Add(item?.DeepClone());
            }
        }

        for (var i = 0; i < target.Count; i++)
        {
            if (!used.Contains(i))
            {
                merged.Add(target[i]?.DeepClone());
            }
        }

        return merged;
    }

    private static string? KeyOf(JsonNode? item, string key) =>
        item is JsonObject obj && obj[key] is JsonValue value ? value.ToJsonString() : null;

    private static int IndexOfKey(JsonArray list, string key, string? keyValue, HashSet<int> used)
    {
        if (keyValue is null)
        {
            return -1;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (!used.Contains(i) && KeyOf(list[i], key) == keyValue)
            {
                return i;
            }
        }

        return -1;
    }
}
