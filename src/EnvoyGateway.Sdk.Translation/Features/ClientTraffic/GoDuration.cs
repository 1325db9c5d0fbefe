using System;
using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>
/// Go's <c>time.ParseDuration</c>, reproduced exactly (units <c>ns us µs μs ms s m h</c>, optional sign, decimal
/// fractions, a bare <c>0</c>, overflow past 2^63-1 ns rejected). Envoy Gateway parses every policy duration with it
/// and reports <c>invalid &lt;Field&gt; value &lt;raw&gt;</c> when it fails.
/// </summary>
internal static class GoDuration
{
    private static readonly Dictionary<string, ulong> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1UL,
        ["us"] = 1_000UL,
        ["\u00b5s"] = 1_000UL,
        ["\u03bcs"] = 1_000UL,
        ["ms"] = 1_000_000UL,
        ["s"] = 1_000_000_000UL,
        ["m"] = 60UL * 1_000_000_000UL,
        ["h"] = 3600UL * 1_000_000_000UL,
    };

    /// <summary>Parses <paramref name="text"/>; <paramref name="nanoseconds"/> is the Go <c>time.Duration</c>.</summary>
    public static bool TryParse(string? text, out long nanoseconds)
    {
        nanoseconds = 0;
        if (text is null)
        {
            return false;
        }

        var s = text;
        var neg = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            neg = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return false;
        }

        const ulong Limit = 1UL << 63;
        ulong d = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                return false;
            }

            var pl = s.Length;
            if (!LeadingInt(ref s, out var v))
            {
                return false;
            }

            var pre = pl != s.Length;
            var post = false;
            ulong f = 0;
            var scale = 1.0;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                var fl = s.Length;
                LeadingFraction(ref s, out f, out scale);
                post = fl != s.Length;
            }

            if (!pre && !post)
            {
                return false;
            }

            var i = 0;
            while (i < s.Length && s[i] != '.' && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == 0)
            {
                return false;
            }

            var u = s[..i];
            s = s[i..];
            if (!Units.TryGetValue(u, out var unit))
            {
                return false;
            }

            if (v > Limit / unit)
            {
                return false;
            }

            v *= unit;
            if (f > 0)
            {
                v += (ulong)(f * (unit / scale));
                if (v > Limit)
                {
                    return false;
                }
            }

            d += v;
            if (d > Limit)
            {
                return false;
            }
        }

        if (neg)
        {
            nanoseconds = d == Limit ? long.MinValue : -(long)d;
            return true;
        }

        if (d > Limit - 1)
        {
            return false;
        }

        nanoseconds = (long)d;
        return true;
    }

    private static bool LeadingInt(ref string s, out ulong x)
    {
        x = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (x > (1UL << 63) / 10)
            {
                return false;
            }

            x = (x * 10) + (ulong)(s[i] - '0');
            if (x > 1UL << 63)
            {
                return false;
            }
        }

        s = s[i..];
        return true;
    }

    private static void LeadingFraction(ref string s, out ulong x, out double scale)
    {
        x = 0;
        scale = 1;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (overflow)
            {
                continue;
            }

            if (x > ((1UL << 63) - 1) / 10)
            {
                overflow = true;
                continue;
            }

            var y = (x * 10) + (ulong)(s[i] - '0');
            if (y > 1UL << 63)
            {
                overflow = true;
                continue;
            }

            x = y;
            scale *= 10;
        }

        s = s[i..];
    }
}
