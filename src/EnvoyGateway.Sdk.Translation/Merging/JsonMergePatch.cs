using System.Linq;
using System.Text.Json.Nodes;

namespace EnvoyGateway.Sdk.Translation.Merging;

/// <summary>RFC 7396 JSON merge patch: objects merge recursively, anything else (lists included) is replaced, <c>null</c> deletes.</summary>
internal static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="target"/>; neither input is modified.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (name, value) in patchObject.ToList())
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }
}
