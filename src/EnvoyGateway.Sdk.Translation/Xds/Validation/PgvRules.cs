using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Validate;

namespace EnvoyGateway.Sdk.Translation.Xds.Validation;

/// <summary>The protoc-gen-validate rule kinds for scalar, enum, duration, timestamp and Any values.</summary>
internal static class PgvRules
{
    public static void Scalar(FieldDescriptor field, object value, FieldRules rules, PgvPath path, List<string> violations)
    {
        switch (rules.TypeCase)
        {
            case FieldRules.TypeOneofCase.None:
            case FieldRules.TypeOneofCase.Repeated:
            case FieldRules.TypeOneofCase.Map:
                return;
            case FieldRules.TypeOneofCase.Bool:
                if (rules.Bool.HasConst && (bool)value != rules.Bool.Const)
                {
                    violations.Add($"{path}: must equal {(rules.Bool.Const ? "true" : "false")}");
                }

                return;
            case FieldRules.TypeOneofCase.String:
                PgvStringRules.Check((string)value, rules.String, path, violations);
                return;
            case FieldRules.TypeOneofCase.Bytes:
                PgvStringRules.Check((ByteString)value, rules.Bytes, path, violations);
                return;
            case FieldRules.TypeOneofCase.Enum:
                Enum(field, Convert.ToInt32(value, CultureInfo.InvariantCulture), rules.Enum, path, violations);
                return;
            case FieldRules.TypeOneofCase.Duration or FieldRules.TypeOneofCase.Timestamp or FieldRules.TypeOneofCase.Any:
                return; // checked on the message value
            default:
                // every numeric rule message has the same shape: const, lt, lte, gt, gte, in, not_in
                var numeric = (IMessage)FieldRules.Descriptor.FindFieldByNumber((int)rules.TypeCase).Accessor.GetValue(rules);
                Range(ToNumber(value), numeric, ToNumber, value.ToString()!, path, violations);
                return;
        }
    }

    public static void Duration(Duration value, DurationRules rules, PgvPath path, List<string> violations) =>
        Range(Seconds(value), rules, o => Seconds((Duration)o), value.ToString(), path, violations);

    public static void Timestamp(Timestamp value, TimestampRules rules, DateTimeOffset now, PgvPath path, List<string> violations)
    {
        Range(Seconds(value), rules, o => Seconds((Timestamp)o), value.ToString(), path, violations);
        var seconds = Seconds(value);
        var nowSeconds = now.ToUnixTimeMilliseconds() / 1000m;
        if (rules.LtNow && seconds >= nowSeconds)
        {
            violations.Add($"{path}: must be in the past");
        }

        if (rules.GtNow && seconds <= nowSeconds)
        {
            violations.Add($"{path}: must be in the future");
        }

        if (rules.Within is { } within && Math.Abs(seconds - nowSeconds) > Seconds(within))
        {
            violations.Add($"{path}: must be within {within} of now");
        }
    }

    public static void Any(Any value, AnyRules rules, PgvPath path, List<string> violations)
    {
        if (rules.In.Count > 0 && !rules.In.Contains(value.TypeUrl))
        {
            violations.Add($"{path}: type URL {value.TypeUrl} must be one of [{string.Join(", ", rules.In)}]");
        }

        if (rules.NotIn.Contains(value.TypeUrl))
        {
            violations.Add($"{path}: type URL {value.TypeUrl} is not allowed");
        }
    }

    public static void Repeated(IList items, RepeatedRules rules, PgvPath path, List<string> violations)
    {
        if (rules.HasMinItems && (ulong)items.Count < rules.MinItems)
        {
            violations.Add($"{path}: must contain at least {rules.MinItems} item(s)");
        }

        if (rules.HasMaxItems && (ulong)items.Count > rules.MaxItems)
        {
            violations.Add($"{path}: must contain no more than {rules.MaxItems} item(s)");
        }

        if (rules.Unique && items.Cast<object>().Distinct().Count() != items.Count)
        {
            violations.Add($"{path}: repeated value must contain unique items");
        }
    }

    public static void Map(int count, MapRules rules, PgvPath path, List<string> violations)
    {
        if (rules.HasMinPairs && (ulong)count < rules.MinPairs)
        {
            violations.Add($"{path}: must contain at least {rules.MinPairs} pair(s)");
        }

        if (rules.HasMaxPairs && (ulong)count > rules.MaxPairs)
        {
            violations.Add($"{path}: must contain no more than {rules.MaxPairs} pair(s)");
        }
    }

    private static void Enum(FieldDescriptor field, int number, EnumRules rules, PgvPath path, List<string> violations)
    {
        if (rules.HasConst && number != rules.Const)
        {
            violations.Add($"{path}: must equal {rules.Const}");
        }

        if (rules.DefinedOnly && field.EnumType.FindValueByNumber(number) is null)
        {
            violations.Add($"{path}: value {number} is not defined in {field.EnumType.FullName}");
        }

        if (rules.In.Count > 0 && !rules.In.Contains(number))
        {
            violations.Add($"{path}: value {number} must be one of [{string.Join(", ", rules.In)}]");
        }

        if (rules.NotIn.Contains(number))
        {
            violations.Add($"{path}: value {number} is not allowed");
        }
    }

    // const / lt / lte / gt / gte / in / not_in, with PGV's exclusive-range reading when the upper bound is below the lower one.
    private static void Range(decimal value, IMessage rules, Func<object, decimal> convert, string shown, PgvPath path, List<string> violations)
    {
        decimal? Get(string name) =>
            rules.Descriptor.FindFieldByName(name) is { } f && (f.HasPresence ? f.Accessor.HasValue(rules) : f.Accessor.GetValue(rules) is not null)
                ? convert(f.Accessor.GetValue(rules)) : null;
        IEnumerable<decimal> List(string name) =>
            rules.Descriptor.FindFieldByName(name) is { } f ? ((IList)f.Accessor.GetValue(rules)).Cast<object>().Select(convert) : [];

        if (Get("const") is { } constant && value != constant)
        {
            violations.Add($"{path}: value {shown} must equal {constant.ToString(CultureInfo.InvariantCulture)}");
        }

        var lt = Get("lt");
        var lte = Get("lte");
        var gt = Get("gt");
        var gte = Get("gte");
        var upper = lt ?? lte;
        var lower = gt ?? gte;
        bool BelowUpper() => lt is { } l ? value < l : value <= lte!.Value;
        bool AboveLower() => gt is { } g ? value > g : value >= gte!.Value;
        var ok = (upper, lower) switch
        {
            (null, null) => true,
            ({ }, null) => BelowUpper(),
            (null, { }) => AboveLower(),
            ({ } u, { } d) when u >= d => BelowUpper() && AboveLower(),
            _ => BelowUpper() || AboveLower(),
        };
        if (!ok)
        {
            violations.Add($"{path}: value {shown} is out of range ({Bounds(lt, lte, gt, gte)})");
        }

        var allowed = List("in").ToList();
        if (allowed.Count > 0 && !allowed.Contains(value))
        {
            violations.Add($"{path}: value {shown} must be one of [{string.Join(", ", allowed.Select(a => a.ToString(CultureInfo.InvariantCulture)))}]");
        }

        if (List("not_in").Contains(value))
        {
            violations.Add($"{path}: value {shown} is not allowed");
        }
    }

    private static string Bounds(decimal? lt, decimal? lte, decimal? gt, decimal? gte)
    {
        var parts = new List<string>();
        void Add(string op, decimal? v)
        {
            if (v is { } x)
            {
                parts.Add(op + " " + x.ToString(CultureInfo.InvariantCulture));
            }
        }

        Add(">", gt);
        Add(">=", gte);
        Add("<", lt);
        Add("<=", lte);
        return string.Join(", ", parts);
    }

    private static decimal ToNumber(object value) => value switch
    {
        double d => double.IsFinite(d) ? (decimal)d : d > 0 ? decimal.MaxValue : decimal.MinValue,
        float f => float.IsFinite(f) ? (decimal)f : f > 0 ? decimal.MaxValue : decimal.MinValue,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private static decimal Seconds(Duration d) => d.Seconds + (d.Nanos / 1_000_000_000m);

    private static decimal Seconds(Timestamp t) => t.Seconds + (t.Nanos / 1_000_000_000m);

    // UTF-16 code units minus the trailing halves of surrogate pairs: the code point count PGV measures lengths in.
    internal static int RuneCount(string s)
    {
        var count = s.Length;
        for (var i = 1; i < s.Length; i++)
        {
            if (char.IsLowSurrogate(s[i]) && char.IsHighSurrogate(s[i - 1]))
            {
                count--;
            }
        }

        return count;
    }

    internal static int ByteCount(string s) => Encoding.UTF8.GetByteCount(s);
}
