using System;
using System.Collections.Generic;
using System.Globalization;

namespace EnvoyGateway.Sdk.Translation.Features;

/// <summary>
/// Errors for what a CRD schema requires but a file on disk can still hold: a required field left out or set to
/// <c>null</c>, or a <c>null</c> list item. The API server would refuse such a policy, so Envoy Gateway never sees one;
/// the feature builders report it as a feature error naming the JSON path (the policy becomes <c>Accepted=False</c>,
/// reason <c>Invalid</c>, as for any feature that cannot be built) instead of failing or dropping the item silently.
/// </summary>
internal static class RequiredValues
{
    /// <summary><c>&lt;path&gt; is required</c>.</summary>
    public static string Missing(string path) => path + " is required";

    /// <summary><c>&lt;path&gt; must not be null</c>, for a list item.</summary>
    public static string NullItem(string path) => path + " must not be null";

    /// <summary>The path of item <paramref name="index"/> of the list at <paramref name="list"/>.</summary>
    public static string Item(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    /// <summary>The error for the first <c>null</c> item of the list at <paramref name="list"/>, or null when there is none.</summary>
    public static string? FirstNullItem<T>(IEnumerable<T?>? items, string list)
        where T : class
    {
        var index = 0;
        foreach (var item in items ?? [])
        {
            if (item is null)
            {
                return NullItem(Item(list, index));
            }

            index++;
        }

        return null;
    }

    /// <summary>
    /// The error for the first <c>null</c> item of the list at <paramref name="list"/>, or for the first item whose
    /// required <paramref name="field"/> (read by <paramref name="value"/>) is missing; null when there is neither.
    /// </summary>
    public static string? FirstNullItemOrField<T>(IEnumerable<T?>? items, string list, string field, Func<T, object?> value)
        where T : class
    {
        var index = 0;
        foreach (var item in items ?? [])
        {
            if (item is null)
            {
                return NullItem(Item(list, index));
            }

            if (value(item) is null)
            {
                return Missing(Item(list, index) + "." + field);
            }

            index++;
        }

        return null;
    }
}
