using System;
using System.Collections;
using System.Globalization;
using System.Text;
using static EnvoyGateway.Sdk.Validation.CelArgs;

namespace EnvoyGateway.Sdk.Validation;

/// <summary><c>'...'.format([args])</c> of the strings extension: %s %d %f %e %x %X %o %b %% with optional precision.</summary>
internal static class CelStringFormat
{
    public static string Format(string template, IList args)
    {
        var builder = new StringBuilder();
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '%')
            {
                builder.Append(template[i]);
                continue;
            }

            if (++i >= template.Length)
            {
                throw new CelLibraryException("format: unterminated % directive");
            }

            if (template[i] == '%')
            {
                builder.Append('%');
                continue;
            }

            int? precision = null;
            if (template[i] == '.')
            {
                var start = ++i;
                while (i < template.Length && char.IsAsciiDigit(template[i]))
                {
                    i++;
                }

                precision = int.Parse(template.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
                if (i >= template.Length)
                {
                    throw new CelLibraryException("format: unterminated % directive");
                }
            }

            if (next >= args.Count)
            {
                throw new CelLibraryException("format: not enough arguments");
            }

            var arg = args[next++];
            builder.Append(template[i] switch
            {
                's' => Text(arg),
                'd' => Int(arg).ToString(CultureInfo.InvariantCulture),
                'f' => ToDouble(arg).ToString("F" + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                'e' => ToDouble(arg).ToString((precision ?? 6) == 0 ? "0e+00" : "0." + new string('0', precision ?? 6) + "e+00", CultureInfo.InvariantCulture),
                'x' => Hex(arg, upper: false),
                'X' => Hex(arg, upper: true),
                'o' => Convert.ToString(Int(arg), 8),
                'b' => arg is bool b ? (b ? "true" : "false") : Convert.ToString(Int(arg), 2),
                _ => throw new CelLibraryException($"format: unrecognized directive %{template[i]}"),
            });
        }

        return builder.ToString();
    }

    public static string Text(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IList list => "[" + string.Join(", ", Items(list)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static System.Collections.Generic.IEnumerable<string> Items(IList list)
    {
        foreach (var item in list)
        {
            yield return Text(item);
        }
    }

    private static string Hex(object? value, bool upper)
    {
        var text = value switch
        {
            string s => Convert.ToHexString(Encoding.UTF8.GetBytes(s)).ToLowerInvariant(),
            _ => Int(value).ToString("x", CultureInfo.InvariantCulture),
        };
        return upper ? text.ToUpperInvariant() : text;
    }
}
