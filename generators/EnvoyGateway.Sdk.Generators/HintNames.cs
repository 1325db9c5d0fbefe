using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using EnvoyGateway.Sdk.Generators.Model;

namespace EnvoyGateway.Sdk.Generators;

/// <summary>
/// Keeps hint names collision-free: when several inputs produce the same <c>{Group}.{Version}.{Kind}</c> stem
/// (the same CRD generated into two namespaces, say), all but the first in ordinal (stem, path, document,
/// namespace) order get a numeric suffix. Hint names are compared case-insensitively, as Roslyn does.
/// </summary>
internal static class HintNames
{
    /// <summary>Sorts the collected keys into a stable, equatable array.</summary>
    public static EquatableArray<HintKey> Sort(ImmutableArray<HintKey> keys)
    {
        var sorted = new List<HintKey>(keys);
        sorted.Sort(Compare);
        return EquatableArray<HintKey>.From(sorted);
    }

    /// <summary>The final stem of <paramref name="model"/> given all sorted keys.</summary>
    public static string Resolve(CrdVersionModel model, EquatableArray<HintKey> keys)
    {
        string stem = model.HintStem;
        int index = 0;
        foreach (HintKey key in keys)
        {
            if (!string.Equals(key.Stem, stem, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            index++;
            if (key.SourcePath == model.SourcePath && key.Document == model.Document && key.Namespace == model.Namespace)
            {
                break;
            }
        }

        return index <= 1 ? stem : stem + "." + index.ToString(CultureInfo.InvariantCulture);
    }

    private static int Compare(HintKey x, HintKey y)
    {
        int result = StringComparer.OrdinalIgnoreCase.Compare(x.Stem, y.Stem);
        if (result == 0)
        {
            result = StringComparer.Ordinal.Compare(x.SourcePath, y.SourcePath);
        }

        if (result == 0)
        {
            result = x.Document.CompareTo(y.Document);
        }

        return result != 0 ? result : StringComparer.Ordinal.Compare(x.Namespace, y.Namespace);
    }
}
