using System;
using System.Globalization;
using System.Numerics;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Translation.Features.Go;

/// <summary>
/// Kubernetes' <c>resource.Quantity</c> as Envoy Gateway sees it: <c>ParseQuantity</c> (with its int64 fast path and
/// arbitrary-precision slow path), <c>AsInt64</c> (only succeeds on the fast path with a non-negative scale) and the
/// canonical <c>String()</c> that Envoy Gateway prints in its messages.
/// </summary>
internal sealed class GoQuantity
{
    private enum Format
    {
        DecimalExponent,
        BinarySI,
        DecimalSI,
    }

    private readonly bool fast;
    private readonly long fastValue;
    private readonly int fastScale;
    private readonly BigInteger unscaled;
    private readonly int scale;
    private readonly Format format;

    private GoQuantity(long value, int fastScale, Format format)
    {
        fast = true;
        fastValue = value;
        this.fastScale = fastScale;
        unscaled = value;
        scale = -fastScale;
        this.format = format;
    }

    private GoQuantity(BigInteger unscaled, int scale, Format format)
    {
        this.unscaled = unscaled;
        this.scale = scale;
        this.format = format;
    }

    /// <summary>
    /// Parses a model quantity as Kubernetes' <c>Quantity.UnmarshalJSON</c> does (surrounding white space trimmed, then
    /// <c>ParseQuantity</c>). Null when Kubernetes would refuse the text.
    /// </summary>
    public static GoQuantity? From(Quantity? quantity) => quantity is null ? null : Parse(quantity.Value.Trim());

    /// <summary>Kubernetes' <c>ParseQuantity</c>; null on <c>ErrFormatWrong</c>/<c>ErrSuffix</c>/<c>ErrNumeric</c>.</summary>
    public static GoQuantity? Parse(string text)
    {
        if (string.IsNullOrEmpty(text) || !TrySplit(text, out var positive, out var value, out var num, out var denom, out var suffix))
        {
            return null;
        }

        if (!TryInterpretSuffix(suffix, out var isBinary, out var exponent, out var format))
        {
            return null;
        }

        var precision = 0;
        var qscale = 0;
        long mantissa = 1;
        if (format is Format.DecimalExponent or Format.DecimalSI)
        {
            qscale = exponent;
            precision = 18 - (num.Length + denom.Length);
        }
        else if (exponent >= 0 && denom.Length == 0)
        {
            mantissa <<= exponent;
            precision = 15 - num.Length - (int)((float)exponent * 3 / 10) - 1;
        }
        else
        {
            precision = -1;
        }

        if (precision >= 0)
        {
            qscale -= denom.Length;
            if (qscale >= -9)
            {
                var shifted = num + denom;
                if (!long.TryParse(shifted, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return null;
                }

                var product = (Int128)parsed * mantissa;
                if (product >= long.MinValue && product <= long.MaxValue)
                {
                    var result = (long)product;
                    return new GoQuantity(positive ? result : -result, qscale, format);
                }
            }
        }

        // Slow path (inf.Dec): its SetString refuses a number without digits such as ".", which surfaces as ErrNumeric.
        var digits = value.TrimStart('+', '-').Replace(".", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            return null;
        }

        var amount = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var amountScale = dot < 0 ? 0 : value.Length - dot - 1;
        if (!isBinary)
        {
            amountScale -= exponent;
        }
        else
        {
            amount *= BigInteger.Pow(2, exponent);
        }

        if (!amount.IsZero && amountScale > 9 && amountScale - 9 >= amount.GetBitLength())
        {
            // Below one nano: rounds up to 1n without computing 10^scale (a huge negative exponent stays cheap).
            amount = BigInteger.One;
            amountScale = 9;
        }
        else if (!amount.IsZero && amountScale > 9)
        {
            var divisor = BigInteger.Pow(10, amountScale - 9);
            var quotient = BigInteger.DivRem(amount, divisor, out var remainder);
            amount = remainder.IsZero ? quotient : quotient + 1;
            amountScale = 9;
        }

        if (format == Format.BinarySI)
        {
            if (Compare(amount, amountScale, long.MaxValue) > 0)
            {
                amount = long.MaxValue;
                amountScale = 0;
            }

            if (Compare(amount, amountScale, 1) < 0 && !amount.IsZero)
            {
                format = Format.DecimalSI;
            }
        }

        return new GoQuantity(positive ? amount : -amount, amountScale, format);
    }

    /// <summary><c>Quantity.AsInt64</c>.</summary>
    public bool TryAsInt64(out long value)
    {
        value = 0;
        if (!fast)
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

        if (fastValue == 0)
        {
            return true;
        }

        Int128 result = fastValue;
        for (var i = 0; i < fastScale; i++)
        {
            result *= 10;
            if (result > long.MaxValue || result < long.MinValue)
            {
                return false;
            }
        }

        value = (long)result;
        return true;
    }

    /// <summary><c>Quantity.String()</c>: the canonical form.</summary>
    public override string ToString()
    {
        if (unscaled.IsZero)
        {
            return "0";
        }

        var effective = format;
        if (format == Format.BinarySI)
        {
            if (Compare(unscaled, scale, -1024) > 0 && Compare(unscaled, scale, 1024) < 0)
            {
                effective = Format.DecimalSI;
            }
            else if (scale > 0 && !(unscaled % BigInteger.Pow(10, scale)).IsZero)
            {
                effective = Format.DecimalSI;
            }
        }

        if (effective == Format.BinarySI)
        {
            var integer = scale > 0 ? unscaled / BigInteger.Pow(10, scale) : unscaled * BigInteger.Pow(10, -scale);
            var times = 0;
            var magnitude = BigInteger.Abs(integer);
            while (magnitude >= 1024 && (magnitude % 1024).IsZero)
            {
                magnitude /= 1024;
                times++;
            }

            var suffix = times switch
            {
                0 => string.Empty,
                1 => "Ki",
                2 => "Mi",
                3 => "Gi",
                4 => "Ti",
                5 => "Pi",
                6 => "Ei",
                _ => string.Empty,
            };
            return (integer.Sign < 0 ? "-" : string.Empty) + magnitude.ToString(CultureInfo.InvariantCulture) + suffix;
        }

        var mantissa = BigInteger.Abs(unscaled);
        var exponent = -scale;
        while (mantissa >= 10 && (mantissa % 10).IsZero)
        {
            mantissa /= 10;
            exponent++;
        }

        while (exponent % 3 != 0)
        {
            mantissa *= 10;
            exponent--;
        }

        var number = (unscaled.Sign < 0 ? "-" : string.Empty) + mantissa.ToString(CultureInfo.InvariantCulture);
        if (effective == Format.DecimalSI)
        {
            var si = exponent switch
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

                // Go's CanonicalizeBytes ignores the "no such suffix" result and prints the bare number.
                _ => string.Empty,
            };
            return number + si;
        }

        return exponent == 0 ? number : number + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static int Compare(BigInteger amount, int amountScale, long other)
    {
        if (amountScale <= 0)
        {
            return (amount * BigInteger.Pow(10, -amountScale)).CompareTo(new BigInteger(other));
        }

        return amount.CompareTo(new BigInteger(other) * BigInteger.Pow(10, amountScale));
    }

    private static bool TrySplit(string str, out bool positive, out string value, out string num, out string denom, out string suffix)
    {
        positive = true;
        value = num = denom = suffix = string.Empty;
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
                value = num;
                return true;
            }

            if (str[pos] != '0')
            {
                break;
            }

            pos++;
        }

        var i = pos;
        while (i < end && char.IsAsciiDigit(str[i]))
        {
            i++;
        }

        if (i >= end)
        {
            num = str[pos..end];
            value = str;
            return true;
        }

        num = str[pos..i];
        pos = i;
        if (num.Length == 0)
        {
            num = "0";
        }

        if (pos < end && str[pos] == '.')
        {
            pos++;
            i = pos;
            while (i < end && char.IsAsciiDigit(str[i]))
            {
                i++;
            }

            if (i >= end)
            {
                denom = str[pos..end];
                value = str;
                return true;
            }

            denom = str[pos..i];
            pos = i;
        }

        value = str[..pos];
        var suffixStart = pos;
        i = pos;
        while (i < end && "eEinumkKMGTP".Contains(str[i], StringComparison.Ordinal))
        {
            i++;
        }

        if (i >= end)
        {
            suffix = str[suffixStart..];
            return true;
        }

        pos = i;
        if (str[pos] is '-' or '+')
        {
            pos++;
        }

        for (i = pos; i < end; i++)
        {
            if (!char.IsAsciiDigit(str[i]))
            {
                return false;
            }
        }

        suffix = str[suffixStart..];
        return true;
    }

    private static bool TryInterpretSuffix(string suffix, out bool isBinary, out int exponent, out Format format)
    {
        isBinary = false;
        format = Format.DecimalSI;
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
            isBinary = true;
            format = Format.BinarySI;
            return true;
        }

        // Go parses the exponent as an int64 and keeps its low 32 bits (int32(parsed)).
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && long.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsedExponent))
        {
            exponent = unchecked((int)parsedExponent);
            format = Format.DecimalExponent;
            return true;
        }

        exponent = 0;
        return false;
    }
}
