using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>Parses and formats duration strings. Pure functions; never throw on bad input.</summary>
internal static partial class GatewayDurationFormat
{
    private const decimal NanosecondsPerTick = 100m;
    private const decimal MaxNanoseconds = long.MaxValue * NanosecondsPerTick;

    /// <summary>
    /// Returns whether <paramref name="text"/> matches the Gateway API duration pattern (GEP-2257):
    /// one to four parts of one to five digits followed by <c>h</c>, <c>m</c>, <c>s</c> or <c>ms</c>.
    /// </summary>
    public static bool IsGatewayApiFormat(string text) => GatewayApiPattern().IsMatch(text);

    /// <summary>
    /// Parses a Gateway API duration or, more generally, a Go <c>time.ParseDuration</c> string (optional sign,
    /// decimal fractions, units <c>ns</c>, <c>us</c>/<c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, or a
    /// bare <c>0</c>). Precision below 100 ns (one tick) is truncated.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var position = 0;
        var negative = false;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            position = 1;
        }

        if (text.AsSpan(position) is "0")
        {
            return true;
        }

        if (position == text.Length)
        {
            return false;
        }

        var total = 0m;
        while (position < text.Length)
        {
            if (!TryReadNumber(text, ref position, out var number) || !TryReadUnit(text, ref position, out var unitNanoseconds))
            {
                return false;
            }

            if (number > (MaxNanoseconds - total) / unitNanoseconds)
            {
                return false;
            }

            total += number * unitNanoseconds;
        }

        var ticks = (long)decimal.Truncate(total / NanosecondsPerTick);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>
    /// Formats <paramref name="value"/>: in Gateway API style (<c>1h30m</c>, <c>500ms</c>, <c>0s</c>) when it is
    /// non-negative and a whole number of milliseconds; otherwise in Go style with fractional seconds
    /// (<c>-1m</c>, <c>0.0000001s</c>), which <see cref="TryParse"/> reads back.
    /// </summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        var ticks = value.Ticks;
        if (ticks < 0)
        {
            builder.Append('-');
        }

        // Work on the magnitude as an unsigned number so TimeSpan.MinValue does not overflow.
        var magnitude = ticks < 0 ? (ulong)(-(ticks + 1)) + 1 : (ulong)ticks;
        var hours = magnitude / (ulong)TimeSpan.TicksPerHour;
        magnitude %= (ulong)TimeSpan.TicksPerHour;
        var minutes = magnitude / (ulong)TimeSpan.TicksPerMinute;
        magnitude %= (ulong)TimeSpan.TicksPerMinute;
        var seconds = magnitude / (ulong)TimeSpan.TicksPerSecond;
        var subSecondTicks = magnitude % (ulong)TimeSpan.TicksPerSecond;

        Append(builder, hours, "h");
        Append(builder, minutes, "m");
        if (ticks > 0 && subSecondTicks % (ulong)TimeSpan.TicksPerMillisecond == 0)
        {
            Append(builder, seconds, "s");
            Append(builder, subSecondTicks / (ulong)TimeSpan.TicksPerMillisecond, "ms");
        }
        else if (seconds != 0 || subSecondTicks != 0)
        {
            builder.Append(seconds.ToString(CultureInfo.InvariantCulture));
            if (subSecondTicks != 0)
            {
                builder.Append('.').Append(subSecondTicks.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0'));
            }

            builder.Append('s');
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ulong amount, string unit)
    {
        if (amount != 0)
        {
            builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static bool TryReadNumber(string text, ref int position, out decimal number)
    {
        number = 0m;
        var start = position;
        var digits = 0;
        var seenDot = false;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || (text[position] == '.' && !seenDot)))
        {
            if (text[position] == '.')
            {
                seenDot = true;
            }
            else
            {
                digits++;
            }

            position++;
        }

        // Longer inputs cannot be a representable duration; refusing them early also keeps decimal from overflowing.
        return digits > 0 && position - start <= 28
            && decimal.TryParse(text.AsSpan(start, position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static bool TryReadUnit(string text, ref int position, out decimal nanoseconds)
    {
        var rest = text.AsSpan(position);
        (var length, nanoseconds) = rest switch
        {
            _ when rest.StartsWith("ns", StringComparison.Ordinal) => (2, 1m),
            _ when rest.StartsWith("us", StringComparison.Ordinal) => (2, 1_000m),
            _ when rest.StartsWith("\u00b5s", StringComparison.Ordinal) => (2, 1_000m),
            _ when rest.StartsWith("\u03bcs", StringComparison.Ordinal) => (2, 1_000m),
            _ when rest.StartsWith("ms", StringComparison.Ordinal) => (2, 1_000_000m),
            _ when rest.StartsWith('s') => (1, 1_000_000_000m),
            _ when rest.StartsWith('m') => (1, 60_000_000_000m),
            _ when rest.StartsWith('h') => (1, 3_600_000_000_000m),
            _ => (0, 0m),
        };
        position += length;
        return length > 0;
    }

    [GeneratedRegex(@"^([0-9]{1,5}(h|m|s|ms)){1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex GatewayApiPattern();
}
