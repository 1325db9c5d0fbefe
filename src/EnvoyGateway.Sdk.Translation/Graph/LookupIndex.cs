using System;
using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>
/// A by-key index over a list that only grows while the graph is built: re-indexes the new tail on demand, so lookups
/// stay O(1) (a linear search per lookup made resolution quadratic in the number of routes). First entry wins on duplicates.
/// </summary>
internal sealed class LookupIndex<TKey, TValue>(Func<TValue, TKey> keyOf)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> map = new();
    private int indexed;

    public TValue? Find(List<TValue> items, TKey key)
    {
        for (; indexed < items.Count; indexed++)
        {
            map.TryAdd(keyOf(items[indexed]), items[indexed]);
        }

        return map.TryGetValue(key, out var value) ? value : default;
    }
}
