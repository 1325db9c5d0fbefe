using System;
using System.Globalization;
using System.Text;

namespace EnvoyGateway.Sdk.Translation.Features.Go;

/// <summary>Go <c>fmt</c>/<c>strconv</c> renderings that appear inside Envoy Gateway's messages.</summary>
internal static class GoFormat
{
    /// <summary>
    /// Go's <c>%q</c> of a string (<c>strconv.Quote</c>): printable runes stay as they are, <c>"</c> and <c>\</c> are
    /// backslashed, the C escapes (<c>\a \b \f \n \r \t \v</c>) are used where they exist, other control characters
    /// become <c>\xNN</c> and any other rune Go does not print becomes <c>\uNNNN</c> or <c>\UNNNNNNNN</c>.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        builder.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (IsPrint(rune))
                    {
                        builder.Append(rune.ToString());
                    }
                    else if (rune.Value > 0xffff)
                    {
                        builder.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Go's <c>time.Time.String()</c> for a UTC instant: <c>2020-01-01 15:00:01 +0000 UTC</c>.</summary>
    public static string UtcTime(DateTime utc)
    {
        var text = utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text += "." + (fraction * 100).ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + " +0000 UTC";
    }

    /// <summary>
    /// Go's <c>strconv.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space. Other spaces
    /// (U+00A0, U+2028, ...), controls, format characters, private-use and unassigned code points are escaped.
    /// </summary>
    private static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }
}
