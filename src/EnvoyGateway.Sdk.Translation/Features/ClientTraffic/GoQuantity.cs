using System;
using System.Globalization;
using System.Numerics;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>
/// Kubernetes' <c>resource.Quantity</c> as Envoy Gateway sees it: <c>ParseQuantity</c> (including which values take
/// the int64 fast path), <c>AsInt64</c> (false for fractional, negative-scale or inf.Dec-backed values) and
/// <c>String()</c> (the canonical form printed in error messages, e.g. <c>1.5Ki</c> prints <c>1536</c>).
/// </summary>
internal sealed class GoQuantity
{
    private enum QuantityFormat
    {
        DecimalExponent,
        BinarySI,
        DecimalSI,
    }

    private readonly bool negative;
    private readonly BigInteger magnitude; // |value| = magnitude * 10^exponent10
    private readonly int exponent10;
    private readonly QuantityFormat format;
    private readonly bool fastPath;
    private readonly long fastValue;
    private readonly int fastScale;

    private GoQuantity(bool negative, BigInteger magnitude, int exponent10, QuantityFormat format, bool fastPath, long fastValue, int fastScale)
    {
        this.negative = negative && !magnitude.IsZero;
        this.magnitude = magnitude;
        this.exponent10 = exponent10;
        this.format = format;
        this.fastPath = fastPath;
        this.fastValue = fastValue;
        this.fastScale = fastScale;
    }

    /// <summary>Go's <c>resource.ParseQuantity</c>.</summary>
    public static bool TryParse(string? text, out GoQuantity quantity)
    {
        quantity = Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var str = text.Trim();
        if (str == "0")
        {
            return true;
        }

        if (!TryParseString(str, out var positive, out var num, out var denom, out var suffix))
        {
            return false;
        }

        if (!TryInterpretSuffix(suffix, out var numberBase, out var exponent, out var fmt))
        {
            return false;
        }

        // Fast path (int64Amount).
        int precision;
        var scale = 0;
        long mantissa = 1;
        if (fmt == QuantityFormat.BinarySI)
        {
            if (exponent >= 0 && denom.Length == 0)
            {
                mantissa = exponent >= 63 ? 0 : 1L << exponent;
                precision = 15 - num.Length - (int)((float)exponent * 3 / 10) - 1;
            }
            else
            {
                precision = -1;
            }
        }
        else
        {
            scale = exponent;
            precision = 18 - (num.Length + denom.Length);
        }

        var digits = BigInteger.Parse(num + denom, CultureInfo.InvariantCulture);
        if (precision >= 0)
        {
            scale -= denom.Length;
            if (scale >= -9)
            {
                if (!long.TryParse(num + denom, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return false;
                }

                var product = (BigInteger)value * mantissa;
                if (product <= long.MaxValue && mantissa != 0)
                {
                    var result = (long)product;
                    quantity = new GoQuantity(!positive, product, scale, fmt, true, positive ? result : -result, scale);
                    return true;
                }
            }
        }

        // inf.Dec path: exact value, rounded up to nanos, BinarySI capped.
        BigInteger mag;
        int exp10;
        if (numberBase == 10)
        {
            mag = digits;
            exp10 = exponent - denom.Length;
        }
        else
        {
            mag = digits * BigInteger.Pow(2, exponent);
            exp10 = -denom.Length;
        }

        if (exp10 < -9 && !mag.IsZero)
        {
            var divisor = BigInteger.Pow(10, -9 - exp10);
            var quotient = BigInteger.DivRem(mag, divisor, out var remainder);
            mag = remainder.IsZero ? quotient : quotient + 1;
            exp10 = -9;
        }

        if (fmt == QuantityFormat.BinarySI)
        {
            var integral = exp10 >= 0 ? mag * BigInteger.Pow(10, exp10) : mag / BigInteger.Pow(10, -exp10);
            if (integral > long.MaxValue)
            {
                mag = long.MaxValue;
                exp10 = 0;
            }
            else if (integral.IsZero && !mag.IsZero)
            {
                fmt = QuantityFormat.DecimalSI;
            }
        }

        quantity = new GoQuantity(!positive, mag, exp10, fmt, false, 0, 0);
        return true;
    }

    /// <summary>Go's <c>Quantity.AsInt64</c>.</summary>
    public bool TryAsInt64(out long value)
    {
        value = 0;
        if (magnitude.IsZero && !fastPath)
        {
            return true;
        }

        if (!fastPath)
        {
            return false;
        }

        if (fastScale == 0)
        {
            value = fastValue;
            return true;
        }

        if (fastScale < 0)
        {
            return false;
        }

        var scaled = (BigInteger)fastValue * BigInteger.Pow(10, fastScale);
        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        value = (long)scaled;
        return true;
    }

    /// <summary>Go's <c>Quantity.String()</c> (canonical form).</summary>
    public override string ToString()
    {
        if (magnitude.IsZero)
        {
            return "0";
        }

        var fmt = format;
        if (fmt == QuantityFormat.BinarySI)
        {
            var integral = exponent10 >= 0;
            if (!integral)
            {
                integral = BigInteger.Remainder(magnitude, BigInteger.Pow(10, -exponent10)).IsZero;
            }

            var whole = exponent10 >= 0 ? magnitude * BigInteger.Pow(10, exponent10) : magnitude / BigInteger.Pow(10, -exponent10);
            if (whole < 1024 || !integral)
            {
                fmt = QuantityFormat.DecimalSI;
            }
            else
            {
                var exponent = 0;
                while (exponent < 6 && BigInteger.Remainder(whole, 1024).IsZero)
                {
                    whole /= 1024;
                    exponent++;
                }

                var binSuffix = exponent switch { 0 => string.Empty, 1 => "Ki", 2 => "Mi", 3 => "Gi", 4 => "Ti", 5 => "Pi", _ => "Ei" };
                return (negative ? "-" : string.Empty) + whole.ToString(CultureInfo.InvariantCulture) + binSuffix;
            }
        }

        var amount = magnitude;
        var exp = exponent10;
        while (!amount.IsZero && BigInteger.Remainder(amount, 10).IsZero)
        {
            amount /= 10;
            exp++;
        }

        while (exp % 3 != 0)
        {
            amount *= 10;
            exp--;
        }

        string suffix;
        if (fmt == QuantityFormat.DecimalExponent)
        {
            suffix = exp == 0 ? string.Empty : "e" + exp.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            suffix = exp switch
            {
                -9 => "n",
                -6 => "u",
                -3 => "m",
                0 => string.Empty,
                3 => "k",
                6 => "M",
                9 => "G",
                12 => "T",
                15 => "P",
                18 => "E",
                _ => string.Empty,
            };
        }

        return (negative ? "-" : string.Empty) + amount.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static GoQuantity Zero { get; } = new(false, BigInteger.Zero, 0, QuantityFormat.DecimalSI, true, 0, 0);

    private static bool TryParseString(string str, out bool positive, out string num, out string denom, out string suffix)
    {
        positive = true;
        num = "0";
        denom = string.Empty;
        suffix = string.Empty;
        var pos = 0;
        var end = str.Length;
        if (str[0] == '-')
        {
            positive = false;
            pos++;
        }
        else if (str[0] == '+')
        {
            pos++;
        }

        while (true)
        {
            if (pos >= end)
            {
                num = "0";
                return true;
            }

            if (str[pos] != '0')
            {
                break;
            }

            pos++;
        }

        var start = pos;
        while (pos < end && char.IsAsciiDigit(str[pos]))
        {
            pos++;
        }

        num = pos == start ? "0" : str[start..pos];
        if (pos >= end)
        {
            return true;
        }

        if (str[pos] == '.')
        {
            pos++;
            start = pos;
            while (pos < end && char.IsAsciiDigit(str[pos]))
            {
                pos++;
            }

            denom = str[start..pos];
            if (pos >= end)
            {
                return true;
            }
        }

        var suffixStart = pos;
        while (pos < end && "eEinumkKMGTP".Contains(str[pos], StringComparison.Ordinal))
        {
            pos++;
        }

        if (pos >= end)
        {
            suffix = str[suffixStart..];
            return true;
        }

        if (str[pos] is '-' or '+')
        {
            pos++;
        }

        while (pos < end)
        {
            if (!char.IsAsciiDigit(str[pos]))
            {
                return false;
            }

            pos++;
        }

        suffix = str[suffixStart..];
        return true;
    }

    private static bool TryInterpretSuffix(string suffix, out int numberBase, out int exponent, out QuantityFormat fmt)
    {
        numberBase = 10;
        fmt = QuantityFormat.DecimalSI;
        exponent = suffix switch
        {
            "" => 0,
            "n" => -9,
            "u" => -6,
            "m" => -3,
            "k" => 3,
            "M" => 6,
            "G" => 9,
            "T" => 12,
            "P" => 15,
            "E" => 18,
            _ => int.MinValue,
        };
        if (exponent != int.MinValue)
        {
            return true;
        }

        exponent = suffix switch
        {
            "Ki" => 10,
            "Mi" => 20,
            "Gi" => 30,
            "Ti" => 40,
            "Pi" => 50,
            "Ei" => 60,
            _ => int.MinValue,
        };
        if (exponent != int.MinValue)
        {
            numberBase = 2;
            fmt = QuantityFormat.BinarySI;
            return true;
        }

        if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
            && exponent is > -1000 and < 1000)
        {
            fmt = QuantityFormat.DecimalExponent;
            return true;
        }

        exponent = 0;
        return false;
    }
}
