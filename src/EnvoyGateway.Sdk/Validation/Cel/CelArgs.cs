using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>Argument conversions for the CEL library functions (the Cel package passes int as long or int).</summary>
internal static class CelArgs
{
    public static string Str(object? value) => value as string ?? throw new CelLibraryException($"expected a string, found {Describe(value)}");

    public static long Int(object? value) => value switch
    {
        long l => l,
        int i => i,
        ulong u when u <= long.MaxValue => (long)u,
        uint u => u,
        _ => throw new CelLibraryException($"expected an int, found {Describe(value)}"),
    };

    public static IList List(object? value) => value as IList ?? throw new CelLibraryException($"expected a list, found {Describe(value)}");

    /// <summary>Converts a string to its code points (CEL strings index by code point).</summary>
    public static int[] Runes(string text)
    {
        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune.Value);
        }

        return [.. runes];
    }

    public static string FromRunes(ReadOnlySpan<int> runes)
    {
        var builder = new System.Text.StringBuilder(runes.Length);
        foreach (var rune in runes)
        {
            builder.Append(char.ConvertFromUtf32(rune));
        }

        return builder.ToString();
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string => "string",
        long or int => "int",
        double => "double",
        bool => "bool",
        IList => "list",
        IDictionary => "map",
        _ => value.GetType().Name,
    };

    /// <summary>Orders two CEL values of the same comparable type (int, uint, double, string, bool, bytes, timestamp, duration).</summary>
    public static int Compare(object? left, object? right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return ToDouble(left).CompareTo(ToDouble(right));
        }

        return (left, right) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (bool a, bool b) => a.CompareTo(b),
            (IComparable a, _) when right is not null && a.GetType() == right.GetType() => a.CompareTo(right),
            _ => throw new CelLibraryException($"cannot compare {Describe(left)} and {Describe(right)}"),
        };
    }

    public static bool IsNumber(object? value) => value is long or int or ulong or uint or double;

    public static double ToDouble(object? value) => System.Convert.ToDouble(value, CultureInfo.InvariantCulture);

    /// <summary>CEL equality for library functions (numbers across types, lists and maps deeply).</summary>
    public static bool Equal(object? left, object? right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return ToDouble(left) == ToDouble(right);
        }

        if (left is IList a && right is IList b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (!Equal(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return Equals(left, right);
    }
}
