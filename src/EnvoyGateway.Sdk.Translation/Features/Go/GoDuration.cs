using System;
using System.Globalization;
using System.Text;

namespace EnvoyGateway.Sdk.Translation.Features.Go;

/// <summary>
/// Go's <c>time.ParseDuration</c>: the same accepted syntax, the same int64-nanosecond range and the same error
/// texts (<c>time: invalid duration "x"</c>, <c>time: missing unit in duration "x"</c>,
/// <c>time: unknown unit "u" in duration "x"</c>). Envoy Gateway parses every policy duration with it.
/// </summary>
internal static class GoDuration
{
    private const ulong Overflow = 1UL << 63;

    /// <summary>Parses <paramref name="text"/>; <paramref name="nanoseconds"/> is the Go <c>time.Duration</c>.</summary>
    public static bool TryParse(string? text, out long nanoseconds) => TryParse(text, out nanoseconds, out _);

    /// <summary>Parses <paramref name="text"/>; on failure returns false and Go's error text.</summary>
    public static bool TryParse(string? text, out long nanoseconds, out string? error)
    {
        nanoseconds = 0;
        error = null;
        if (text is null)
        {
            error = Invalid(string.Empty);
            return false;
        }

        var orig = text;
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            error = Invalid(orig);
            return false;
        }

        ulong d = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                error = Invalid(orig);
                return false;
            }

            var before = s.Length;
            if (!LeadingInt(ref s, out var v))
            {
                error = Invalid(orig);
                return false;
            }

            var pre = before != s.Length;
            var post = false;
            ulong f = 0;
            var scale = 1.0;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                var fractionStart = s.Length;
                LeadingFraction(ref s, out f, out scale);
                post = fractionStart != s.Length;
            }

            if (!pre && !post)
            {
                error = Invalid(orig);
                return false;
            }

            var i = 0;
            while (i < s.Length && s[i] != '.' && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == 0)
            {
                error = "time: missing unit in duration " + Quote(orig);
                return false;
            }

            var unitText = s[..i];
            s = s[i..];
            var unit = UnitNanoseconds(unitText);
            if (unit == 0)
            {
                error = "time: unknown unit " + Quote(unitText) + " in duration " + Quote(orig);
                return false;
            }

            if (v > Overflow / unit)
            {
                error = Invalid(orig);
                return false;
            }

            v *= unit;
            if (f > 0)
            {
                v += (ulong)(f * (unit / scale));
                if (v > Overflow)
                {
                    error = Invalid(orig);
                    return false;
                }
            }

            d += v;
            if (d > Overflow)
            {
                error = Invalid(orig);
                return false;
            }
        }

        if (negative)
        {
            nanoseconds = d == Overflow ? long.MinValue : -(long)d;
            return true;
        }

        if (d > Overflow - 1)
        {
            error = Invalid(orig);
            return false;
        }

        nanoseconds = (long)d;
        return true;
    }

    private static string Invalid(string orig) => "time: invalid duration " + Quote(orig);

    /// <summary>
    /// The <c>time</c> package's own <c>quote</c> (not <c>strconv.Quote</c>): printable ASCII stays, <c>"</c> and
    /// <c>\</c> are backslashed, and every UTF-8 byte of a control or non-ASCII rune becomes <c>\xNN</c>
    /// (<c>"1é"</c> prints <c>"1\xc3\xa9"</c>, a tab <c>\x09</c>; DEL stays raw).
    /// </summary>
    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value < ' ' || rune.Value >= 0x80)
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    builder.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                if (rune.Value is '"' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append((char)rune.Value);
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool LeadingInt(ref string s, out ulong x)
    {
        x = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (x > Overflow / 10)
            {
                return false;
            }

            x = (x * 10) + (ulong)(s[i] - '0');
            if (x > Overflow)
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

            if (x > (Overflow - 1) / 10)
            {
                overflow = true;
                continue;
            }

            var y = (x * 10) + (ulong)(s[i] - '0');
            if (y > Overflow)
            {
                overflow = true;
                continue;
            }

            x = y;
            scale *= 10;
        }

        s = s[i..];
    }

    private static ulong UnitNanoseconds(string unit) => unit switch
    {
        "ns" => 1UL,
        "us" or "\u00b5s" or "\u03bcs" => 1_000UL,
        "ms" => 1_000_000UL,
        "s" => 1_000_000_000UL,
        "m" => 60_000_000_000UL,
        "h" => 3_600_000_000_000UL,
        _ => 0UL,
    };
}
