using System;

namespace EnvoyGateway.Sdk.Generators.Naming;

/// <summary>
/// A small English singularizer for Pascal-cased list property names, used to name the method that adds one item
/// (<c>TargetRefs</c> -> <c>AddTargetRef</c>). Only the last word changes; the rules are ordinal and culture-free.
/// </summary>
internal static class Singular
{
    /// <summary>
    /// Endings whose singular the general rules get wrong, with their singular (words that are already singular map to
    /// themselves). Matched at the end of the name, the first letter in either case (<c>ExpectedStatuses</c>,
    /// <c>statuses</c>).
    /// </summary>
    private static readonly (string Plural, string Singular)[] Irregular =
    {
        ("statuses", "status"),
        ("aliases", "alias"),
        ("caches", "cache"),
        ("cookies", "cookie"),
        ("indices", "index"),
        ("vertices", "vertex"),
        ("matrices", "matrix"),
        ("series", "series"),
        ("species", "species"),
        ("analysis", "analysis"),
        ("basis", "basis"),
        ("axis", "axis"),
        ("redis", "redis"),
    };

    /// <summary>
    /// The singular of <paramref name="name"/>, or <paramref name="name"/> itself when it does not look like a plural.
    /// </summary>
    /// <remarks>
    /// Only a lower-case final <c>s</c> marks a plural (<c>IPs</c> yes, <c>HTTPS</c> no). Then, first match wins:
    /// the irregular endings above; <c>ss</c> and <c>us</c> stay (<c>Address</c>, <c>Corpus</c>);
    /// <c>ies</c> -> <c>y</c>; <c>sses</c> -> <c>ss</c>; <c>xes</c>/<c>ches</c>/<c>shes</c>/<c>zzes</c> drop
    /// <c>es</c>; any other <c>s</c> is dropped (<c>Refs</c> -> <c>Ref</c>, <c>Responses</c> -> <c>Response</c>).
    /// </remarks>
    public static string Of(string name)
    {
        if (name.Length < 2 || name[name.Length - 1] != 's')
        {
            return name;
        }

        foreach (var (plural, singular) in Irregular)
        {
            if (EndsWithWord(name, plural))
            {
                return name.Substring(0, name.Length - plural.Length) + name[name.Length - plural.Length] + singular.Substring(1);
            }
        }

        if (EndsWith(name, "ss") || EndsWith(name, "us"))
        {
            return name;
        }

        if (name.Length > 3 && EndsWith(name, "ies"))
        {
            return name.Substring(0, name.Length - 3) + "y";
        }

        if (EndsWith(name, "sses") || EndsWith(name, "xes") || EndsWith(name, "ches") || EndsWith(name, "shes") || EndsWith(name, "zzes"))
        {
            return name.Substring(0, name.Length - 2);
        }

        return name.Substring(0, name.Length - 1);
    }

    private static bool EndsWith(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal);

    // The ending matches with its first letter in either case, the rest exactly (the names are Pascal case).
    private static bool EndsWithWord(string name, string ending)
    {
        int start = name.Length - ending.Length;
        if (start < 0 || string.CompareOrdinal(name, start + 1, ending, 1, ending.Length - 1) != 0)
        {
            return false;
        }

        char first = name[start];
        return first == ending[0] || first == (char)(ending[0] - 32);
    }
}
