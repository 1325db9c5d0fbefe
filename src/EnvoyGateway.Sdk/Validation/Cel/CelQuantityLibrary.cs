using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Cel;
using static EnvoyGateway.Sdk.Validation.CelArgs;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>The Kubernetes quantity library: <c>quantity()</c>, <c>isQuantity()</c> and the quantity members.</summary>
internal static partial class CelQuantityLibrary
{
    public static void Register(CelEnvironment env)
    {
        var q = typeof(CelQuantity);
        var o = typeof(object);
        CelLibraries.Add(env, "quantity", [typeof(string)], a => Parse(Str(a[0])) ?? throw new CelLibraryException($"quantities must match the regular expression '{QuantityPattern}': '{a[0]}'"));
        CelLibraries.Add(env, "isQuantity", [typeof(string)], a => Parse(Str(a[0])) is not null);
        CelLibraries.Add(env, "sign", [q], a => (long)Math.Sign(((CelQuantity)a[0]!).Value));
        CelLibraries.Add(env, "isInteger", [q], a => ((CelQuantity)a[0]!).IsInteger);
        CelLibraries.Add(env, "asInteger", [q], a => ((CelQuantity)a[0]!).AsInteger());
        CelLibraries.Add(env, "asApproximateFloat", [q], a => (double)((CelQuantity)a[0]!).Value);
        CelLibraries.Add(env, "add", [q, o], a => new CelQuantity(((CelQuantity)a[0]!).Value + Operand(a[1])));
        CelLibraries.Add(env, "sub", [q, o], a => new CelQuantity(((CelQuantity)a[0]!).Value - Operand(a[1])));
        CelLibraries.Add(env, "isGreaterThan", [q, q], a => ((CelQuantity)a[0]!).Value > ((CelQuantity)a[1]!).Value);
        CelLibraries.Add(env, "isLessThan", [q, q], a => ((CelQuantity)a[0]!).Value < ((CelQuantity)a[1]!).Value);
        CelLibraries.Add(env, "compareTo", [q, q], a => (long)((CelQuantity)a[0]!).Value.CompareTo(((CelQuantity)a[1]!).Value));
    }

    private const string QuantityPattern = @"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

    /// <summary>Parses a Kubernetes quantity (<c>100m</c>, <c>1Gi</c>, <c>1e3</c>); <see langword="null"/> when invalid.</summary>
    public static CelQuantity? Parse(string text)
    {
        var match = Syntax().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var suffix = match.Groups["suffix"].Value;
        decimal factor;
        try
        {
            factor = suffix switch
            {
                "" => 1m,
                "n" => 1e-9m,
                "u" => 1e-6m,
                "m" => 1e-3m,
                "k" => 1e3m,
                "M" => 1e6m,
                "G" => 1e9m,
                "T" => 1e12m,
                "P" => 1e15m,
                "E" => 1e18m,
                "Ki" => 1024m,
                "Mi" => 1024m * 1024,
                "Gi" => 1024m * 1024 * 1024,
                "Ti" => 1024m * 1024 * 1024 * 1024,
                "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
                "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
                _ => Exponent(suffix),
            };
            return new CelQuantity(number * factor);
        }
        catch (OverflowException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static decimal Exponent(string suffix)
    {
        var exponent = int.Parse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var factor = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            factor = exponent > 0 ? factor * 10 : factor / 10;
        }

        return factor;
    }

    private static decimal Operand(object? value) => value switch
    {
        CelQuantity q => q.Value,
        _ => Int(value),
    };

    [GeneratedRegex(@"^(?<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}

/// <summary>A quantity value of the Kubernetes quantity library.</summary>
internal sealed record CelQuantity(decimal Value)
{
    public bool IsInteger => Value == decimal.Truncate(Value) && Value >= long.MinValue && Value <= long.MaxValue;

    public long AsInteger() => IsInteger ? (long)Value : throw new CelLibraryException("cannot convert value to integer");

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
