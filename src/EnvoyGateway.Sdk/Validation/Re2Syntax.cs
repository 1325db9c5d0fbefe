using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Checks that a regular expression is one Envoy accepts: Envoy compiles <c>safe_regex</c> with Google RE2, which has
/// no backtracking features. .NET accepts much more, so a pattern that works in C# may be rejected by Envoy.
/// </summary>
public static class Re2Syntax
{
    private const int MaxRepeat = 1000;

    /// <summary>Returns <see langword="null"/> when RE2 accepts <paramref name="pattern"/>, else why it does not.</summary>
    /// <param name="pattern">The regular expression.</param>
    /// <returns><see langword="null"/> or a message naming the unsupported construct.</returns>
    public static string? Check(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    return "trailing backslash at end of expression";
                }

                var next = pattern[i + 1];
                if (next is >= '1' and <= '9')
                {
                    return $"backreference \\{next} is not supported by RE2";
                }

                if (next is 'k' && i + 2 < pattern.Length && pattern[i + 2] is '<' or '\'' or '{')
                {
                    return "named backreference \\k is not supported by RE2";
                }

                if (!inClass && next is 'Z' or 'G' or 'R' or 'K' or 'X' or 'h' or 'H' or 'V' or 'N')
                {
                    return $"escape \\{next} is not supported by RE2";
                }

                i++;
                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        i++; // a leading ']' is a literal
                    }

                    break;
                case '(' when i + 1 < pattern.Length && pattern[i + 1] == '?':
                    if (GroupProblem(pattern, i + 2) is { } groupProblem)
                    {
                        return groupProblem;
                    }

                    break;
                case '*' or '+' or '?' when i + 1 < pattern.Length && pattern[i + 1] == '+':
                    return $"possessive quantifier {c}+ is not supported by RE2";
                case '{':
                    if (RepeatProblem(pattern, i) is { } repeatProblem)
                    {
                        return repeatProblem;
                    }

                    break;
            }
        }

        if (inClass)
        {
            return "missing closing ]";
        }

        try
        {
            // .NET spells RE2's (?P<name>...) as (?<name>...).
            _ = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException exception)
        {
            return "invalid regular expression: " + exception.Message;
        }

        return null;
    }

    private static string? GroupProblem(string pattern, int at)
    {
        var rest = pattern.AsSpan(at);
        if (rest.StartsWith("=") || rest.StartsWith("!"))
        {
            return "lookahead (?= / (?! is not supported by RE2";
        }

        if (rest.StartsWith("<=") || rest.StartsWith("<!"))
        {
            return "lookbehind (?<= / (?<! is not supported by RE2";
        }

        if (rest.StartsWith(">"))
        {
            return "atomic group (?> is not supported by RE2";
        }

        if (rest.StartsWith("("))
        {
            return "conditional (?( is not supported by RE2";
        }

        if (rest.StartsWith("#"))
        {
            return "comment group (?# is not supported by RE2";
        }

        if (rest.StartsWith("P<") || rest.StartsWith("<"))
        {
            var start = rest.IndexOf('<') + 1;
            var end = rest.IndexOf('>');
            if (end < 0)
            {
                return "unterminated group name";
            }

            var name = rest[start..end];
            return name.IndexOf('-') >= 0 ? "balancing group is not supported by RE2" : null;
        }

        if (rest.StartsWith("'"))
        {
            return "named group (?'name' is not supported by RE2; use (?P<name>...)";
        }

        // Flags: RE2 knows i, m, s, U and the ':' non-capturing form.
        foreach (var c in rest)
        {
            if (c is ':' or ')')
            {
                return null;
            }

            if (c is not ('i' or 'm' or 's' or 'U' or '-'))
            {
                return $"group flag '{c}' is not supported by RE2";
            }
        }

        return "missing closing )";
    }

    private static string? RepeatProblem(string pattern, int at)
    {
        var close = pattern.IndexOf('}', at);
        if (close < 0)
        {
            return null; // a literal '{' in RE2
        }

        var body = pattern[(at + 1)..close];
        var parts = body.Split(',');
        if (parts.Length > 2)
        {
            return null;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null; // not a repetition: a literal in RE2
            }

            if (n > MaxRepeat)
            {
                return $"repetition count {n} exceeds RE2's limit of {MaxRepeat}";
            }
        }

        return close + 1 < pattern.Length && pattern[close + 1] == '+' ? "possessive quantifier {n}+ is not supported by RE2" : null;
    }
}
