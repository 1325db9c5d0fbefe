using System;
using System.Collections.Generic;
using System.Linq;

namespace EnvoyGateway.Sdk.Translation.Status;

/// <summary>Envoy Gateway's status message conventions.</summary>
internal static class StatusMessages
{
    /// <summary>
    /// Normalizes a translation error for an <c>Accepted=False</c>/<c>Invalid</c> condition: the first character is
    /// upper-cased when it is a letter and a final period is added unless present.
    /// </summary>
    public static string NormalizeError(string message)
    {
        if (message.Length == 0)
        {
            return ".";
        }

        var text = char.IsLetter(message[0]) ? char.ToUpperInvariant(message[0]) + message[1..] : message;
        return text.EndsWith('.') ? text : text + ".";
    }

    /// <summary>Go's <c>%v</c> rendering of a string slice: <c>[a b c]</c>.</summary>
    public static string GoList(IEnumerable<string> items) => "[" + string.Join(' ', items) + "]";

    /// <summary>Go's <c>%v</c> rendering of a sorted copy of <paramref name="items"/>.</summary>
    public static string SortedGoList(IEnumerable<string> items) => GoList(items.OrderBy(i => i, StringComparer.Ordinal));
}
