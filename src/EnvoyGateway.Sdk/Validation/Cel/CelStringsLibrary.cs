using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Cel;
using static EnvoyGateway.Sdk.Validation.CelArgs;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>cel-go's strings extension (version 2) as enabled by Kubernetes: receiver-style functions indexing by code point.</summary>
internal static class CelStringsLibrary
{
    public static void Register(CelEnvironment env)
    {
        var s = typeof(string);
        var o = typeof(object);
        CelLibraries.Add(env, "lowerAscii", [s], a => LowerAscii(Str(a[0])));
        CelLibraries.Add(env, "upperAscii", [s], a => UpperAscii(Str(a[0])));
        CelLibraries.Add(env, "trim", [s], a => Str(a[0]).Trim());
        CelLibraries.Add(env, "reverse", [s], a => { var r = Runes(Str(a[0])); Array.Reverse(r); return FromRunes(r); });
        CelLibraries.Add(env, "charAt", [s, o], a => CharAt(Str(a[0]), Int(a[1])));
        CelLibraries.Add(env, "substring", [s, o], a => Substring(Str(a[0]), Int(a[1]), null));
        CelLibraries.Add(env, "substring", [s, o, o], a => Substring(Str(a[0]), Int(a[1]), Int(a[2])));
        CelLibraries.Add(env, "indexOf", [s, s], a => IndexOf(Str(a[0]), Str(a[1]), 0));
        CelLibraries.Add(env, "indexOf", [s, s, o], a => IndexOf(Str(a[0]), Str(a[1]), Int(a[2])));
        CelLibraries.Add(env, "lastIndexOf", [s, s], a => LastIndexOf(Str(a[0]), Str(a[1]), null));
        CelLibraries.Add(env, "lastIndexOf", [s, s, o], a => LastIndexOf(Str(a[0]), Str(a[1]), Int(a[2])));
        CelLibraries.Add(env, "replace", [s, s, s], a => Replace(Str(a[0]), Str(a[1]), Str(a[2]), -1));
        CelLibraries.Add(env, "replace", [s, s, s, o], a => Replace(Str(a[0]), Str(a[1]), Str(a[2]), Int(a[3])));
        CelLibraries.Add(env, "split", [s, s], a => Split(Str(a[0]), Str(a[1]), -1));
        CelLibraries.Add(env, "split", [s, s, o], a => Split(Str(a[0]), Str(a[1]), Int(a[2])));
        CelLibraries.Add(env, "join", [typeof(IList)], a => Join(List(a[0]), string.Empty));
        CelLibraries.Add(env, "join", [typeof(IList), s], a => Join(List(a[0]), Str(a[1])));
        CelLibraries.Add(env, "format", [s, typeof(IList)], a => CelStringFormat.Format(Str(a[0]), List(a[1])));
        CelLibraries.Add(env, "quote", [typeof(CelNamespaces), s], a => Quote(Str(a[1])));
    }

    private static string LowerAscii(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= 'A' and <= 'Z')
            {
                chars[i] = (char)(chars[i] + 32);
            }
        }

        return new string(chars);
    }

    private static string UpperAscii(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= 'a' and <= 'z')
            {
                chars[i] = (char)(chars[i] - 32);
            }
        }

        return new string(chars);
    }

    private static string CharAt(string text, long index)
    {
        var runes = Runes(text);
        if (index < 0 || index > runes.Length)
        {
            throw new CelLibraryException($"index out of range: {index}");
        }

        return index == runes.Length ? string.Empty : char.ConvertFromUtf32(runes[index]);
    }

    private static string Substring(string text, long start, long? end)
    {
        var runes = Runes(text);
        var stop = end ?? runes.Length;
        if (start < 0 || start > runes.Length || stop < start || stop > runes.Length)
        {
            throw new CelLibraryException($"substring out of range: [{start}:{stop}] of a string of length {runes.Length}");
        }

        return FromRunes(runes.AsSpan((int)start, (int)(stop - start)));
    }

    private static long IndexOf(string text, string search, long offset)
    {
        var runes = Runes(text);
        var needle = Runes(search);
        if (offset < 0 || offset > runes.Length)
        {
            throw new CelLibraryException($"index out of range: {offset}");
        }

        for (var i = (int)offset; i + needle.Length <= runes.Length; i++)
        {
            if (runes.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static long LastIndexOf(string text, string search, long? offset)
    {
        var runes = Runes(text);
        var needle = Runes(search);
        var from = offset ?? runes.Length;
        if (from < 0 || from > runes.Length)
        {
            throw new CelLibraryException($"index out of range: {from}");
        }

        for (var i = (int)Math.Min(from, runes.Length - needle.Length); i >= 0; i--)
        {
            if (runes.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Replace(string text, string old, string replacement, long limit)
    {
        if (limit < 0)
        {
            return old.Length == 0 ? ReplaceEmpty(text, replacement, -1) : text.Replace(old, replacement, StringComparison.Ordinal);
        }

        if (old.Length == 0)
        {
            return ReplaceEmpty(text, replacement, limit);
        }

        var builder = new StringBuilder();
        var index = 0;
        for (var n = 0; n < limit; n++)
        {
            var found = text.IndexOf(old, index, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            builder.Append(text, index, found - index).Append(replacement);
            index = found + old.Length;
        }

        return builder.Append(text, index, text.Length - index).ToString();
    }

    private static string ReplaceEmpty(string text, string replacement, long limit)
    {
        var runes = Runes(text);
        var builder = new StringBuilder();
        long done = 0;
        for (var i = 0; i <= runes.Length; i++)
        {
            if (limit < 0 || done < limit)
            {
                builder.Append(replacement);
                done++;
            }

            if (i < runes.Length)
            {
                builder.Append(char.ConvertFromUtf32(runes[i]));
            }
        }

        return builder.ToString();
    }

    private static List<object?> Split(string text, string separator, long limit)
    {
        var result = new List<object?>();
        if (limit == 0)
        {
            return result;
        }

        if (separator.Length == 0)
        {
            var runes = Runes(text);
            for (var i = 0; i < runes.Length; i++)
            {
                if (limit > 0 && result.Count == limit - 1)
                {
                    result.Add(FromRunes(runes.AsSpan(i)));
                    return result;
                }

                result.Add(char.ConvertFromUtf32(runes[i]));
            }

            return result;
        }

        var parts = limit < 0 ? text.Split(separator) : text.Split(separator, (int)Math.Min(limit, int.MaxValue));
        foreach (var part in parts)
        {
            result.Add(part);
        }

        return result;
    }

    private static string Join(IList list, string separator)
    {
        var parts = new List<string>(list.Count);
        foreach (var item in list)
        {
            parts.Add(Str(item));
        }

        return string.Join(separator, parts);
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}")),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
