using System.Collections.Frozen;
using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Translation.Merging;

/// <summary>
/// The lists that strategic merge combines item by item, per policy kind, from the patch metadata of Envoy Gateway's
/// API types (every other list is replaced by the more specific policy's list).
/// </summary>
internal static class MergeKeys
{
    public static readonly FrozenDictionary<string, string> BackendTrafficPolicy = new Dictionary<string, string>
    {
        ["spec.compression"] = "type",
        ["spec.compressor"] = "type",
        ["spec.httpUpgrade"] = "type",
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, string> SecurityPolicy = new Dictionary<string, string>
    {
        ["spec.extAuth.contextExtensions"] = "name",
    }.ToFrozenDictionary();
}
