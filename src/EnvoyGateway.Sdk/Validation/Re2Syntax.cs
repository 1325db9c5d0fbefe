using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Checks that a regular expression is one Envoy accepts: Envoy compiles <c>safe_regex</c> with Google RE2, which has
/// no backtracking features. .NET accepts much more, so a pattern that works in C# may be rejected by Envoy.
/// </summary>
/// <remarks>
/// RE2-only syntax (<c>\Q...\E</c>, <c>\pL</c>, <c>\p{Greek}</c>, <c>\x{10FFFF}</c>, POSIX classes, the <c>U</c> flag,
/// escaped punctuation) is accepted; .NET-only syntax (lookarounds, backreferences, <c>\e</c>, <c>\u0041</c>,
/// <c>\cA</c>, possessive and atomic forms...) is refused. Not detected: Unicode class names RE2 does not know, and
/// nested repetitions whose counts multiply beyond 1000.
/// </remarks>
public static class Re2Syntax
{
    private const int MaxRepeat = 1000;

    // Letters RE2 accepts after a backslash, outside and inside a character class (\Q is handled on its own).
    private const string EscapeLetters = "afnrtvxdDsSwWbBAzpP";
    private const string ClassEscapeLetters = "afnrtvxdDsSwWpP";

    private static readonly string[] PosixClasses =
        ["alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit"];

    /// <summary>Returns <see langword="null"/> when RE2 accepts <paramref name="pattern"/>, else why it does not.</summary>
    /// <param name="pattern">The regular expression.</param>
    /// <returns><see langword="null"/> or a message naming the unsupported construct.</returns>
    public static string? Check(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);

        // The same pattern in .NET syntax, parsed at the end for what is common to both (balance, ranges, nesting).
        var net = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        var groups = 0;
        var posixEnd = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    return "trailing backslash at end of expression";
                }

                if (Escape(pattern, i, inClass, net, out var length) is { } escapeProblem)
                {
                    return escapeProblem;
                }

                i += length - 1;
                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':' && PosixClassEnd(pattern, i, ref posixEnd) is { } end)
                {
                    var name = pattern[(i + 2)..end].TrimStart('^');
                    if (Array.IndexOf(PosixClasses, name) < 0)
                    {
                        return $"unknown character class [:{name}:]";
                    }

                    net.Append(@"\w");
                    i = end + 1;
                    continue;
                }

                inClass = c != ']';
                net.Append(c == '[' ? @"\[" : c.ToString());
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    net.Append('[');
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        net.Append('^');
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        net.Append(@"\]"); // a leading ']' is a literal
                        i++;
                    }

                    continue;
                case '(' when i + 1 < pattern.Length && pattern[i + 1] == '?':
                    if (Group(pattern, i, net, ref groups, out var groupLength) is { } groupProblem)
                    {
                        return groupProblem;
                    }

                    i += groupLength - 1;
                    continue;
                case '*' or '+' or '?' when i + 1 < pattern.Length && pattern[i + 1] == '+':
                    return $"possessive quantifier {c}+ is not supported by RE2";
                case '{':
                    if (RepeatProblem(pattern, i) is { } repeatProblem)
                    {
                        return repeatProblem;
                    }

                    break;
                case '^' or '$':
                    // RE2 lets an anchor be repeated (^*); .NET only a group.
                    net.Append("(?:").Append(c).Append(')');
                    continue;
            }

            net.Append(c);
        }

        if (inClass)
        {
            return "missing closing ]";
        }

        try
        {
            _ = new Regex(net.ToString(), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException exception)
        {
            // "Invalid pattern '<the .NET form>' at offset N. Reason.": only the reason speaks about the user's pattern.
            var message = exception.Message;
            var reason = message.IndexOf(". ", message.IndexOf(" at offset ", StringComparison.Ordinal) + 1, StringComparison.Ordinal) is var dot and > 0
                ? message[(dot + 2)..]
                : message;
            return "invalid regular expression: " + reason;
        }

        return null;
    }

    // One escape sequence at pattern[at] (a backslash with at least one character after it).
    private static string? Escape(string pattern, int at, bool inClass, StringBuilder net, out int length)
    {
        var next = pattern[at + 1];
        length = 2;
        switch (next)
        {
            case >= '1' and <= '7' when at + 2 < pattern.Length && pattern[at + 2] is >= '0' and <= '7':
            case '0':
                // Octal, up to three digits (a lone \1..\7 would be a backreference).
                var value = 0;
                var digits = 0;
                while (digits < 3 && at + 1 + digits < pattern.Length && pattern[at + 1 + digits] is >= '0' and <= '7')
                {
                    value = (value * 8) + pattern[at + 1 + digits] - '0';
                    digits++;
                }

                length = 1 + digits;
                AppendCodePoint(net, value, inClass);
                return null;
            case >= '1' and <= '9':
                return $"backreference \\{next} is not supported by RE2";
            case 'k' when at + 2 < pattern.Length && pattern[at + 2] is '<' or '\'' or '{':
                return "named backreference \\k is not supported by RE2";
            case 'x':
                return HexEscape(pattern, at, inClass, net, out length);
            case 'p' or 'P':
                return UnicodeClass(pattern, at, net, out length);
            case 'Q' when !inClass:
                var close = pattern.IndexOf(@"\E", at + 2, StringComparison.Ordinal);
                var literal = close < 0 ? pattern[(at + 2)..] : pattern[(at + 2)..close];
                if (literal.Length > 0)
                {
                    net.Append('x'); // one atom is all the structure check needs
                }

                length = (close < 0 ? pattern.Length : close + 2) - at;
                return null;
        }

        if (char.IsAsciiLetter(next))
        {
            if ((inClass ? ClassEscapeLetters : EscapeLetters).IndexOf(next, StringComparison.Ordinal) < 0)
            {
                return $"escape \\{next} is not supported by RE2";
            }

            net.Append('\\').Append(next);
            return null;
        }

        if (next >= 0x80)
        {
            return $"escape \\{next} is not supported by RE2";
        }

        // Any other ASCII character escapes to itself.
        AppendCodePoint(net, next, inClass);
        return null;
    }

    // \xHH or \x{H...} up to U+10FFFF.
    private static string? HexEscape(string pattern, int at, bool inClass, StringBuilder net, out int length)
    {
        length = 2;
        var rest = pattern.AsSpan(at + 2);
        if (rest.StartsWith("{"))
        {
            var close = rest.IndexOf('}');
            if (close > 1 && int.TryParse(rest[1..close], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) && code <= 0x10FFFF && !rest[1..close].Contains('+'))
            {
                length = 2 + close + 1;
                AppendCodePoint(net, code, inClass);
                return null;
            }
        }
        else if (rest.Length >= 2 && Uri.IsHexDigit(rest[0]) && Uri.IsHexDigit(rest[1]))
        {
            length = 4;
            AppendCodePoint(net, int.Parse(rest[..2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), inClass);
            return null;
        }

        return "invalid hexadecimal escape \\x (RE2 takes \\xHH or \\x{H...} up to 10FFFF)";
    }

    // \pL, \p{Name}, \p{^Name} and the \P forms. The name itself is not checked against RE2's tables.
    private static string? UnicodeClass(string pattern, int at, StringBuilder net, out int length)
    {
        length = 3;
        if (at + 2 >= pattern.Length)
        {
            return "incomplete Unicode class \\p";
        }

        string name;
        if (pattern[at + 2] == '{')
        {
            var close = pattern.IndexOf('}', at + 3);
            if (close < 0)
            {
                return "missing closing } of a Unicode class \\p{...}";
            }

            name = pattern[(at + 3)..close].TrimStart('^');
            length = close + 1 - at;
        }
        else
        {
            name = pattern[at + 2].ToString();
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetter(c) && c != '_')
            {
                return $"invalid Unicode class name '{name}'";
            }
        }

        if (name.Length == 0)
        {
            return "invalid Unicode class name ''";
        }

        net.Append(@"\p{L}");
        return null;
    }

    // A (?...) group at pattern[at]: named groups and flags RE2 knows.
    private static string? Group(string pattern, int at, StringBuilder net, ref int groups, out int length)
    {
        length = 2;
        var rest = pattern.AsSpan(at + 2);
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

        if (rest.StartsWith("'"))
        {
            return "named group (?'name' is not supported by RE2; use (?P<name>...)";
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
            if (name.IndexOf('-') >= 0)
            {
                return "balancing group is not supported by RE2";
            }

            foreach (var c in name)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                {
                    return $"invalid group name '{name}' (RE2 takes letters, digits and _)";
                }
            }

            if (name.Length == 0)
            {
                return "empty group name";
            }

            // .NET has its own rules for names; a neutral one keeps its parse about structure only.
            net.Append("(?<g").Append(groups++.ToString(CultureInfo.InvariantCulture)).Append('>');
            length = 2 + end + 1;
            return null;
        }

        // Flags: RE2 knows i, m, s and U, optionally negated after one '-' (which needs a flag after it).
        var negated = false;
        var flagSinceDash = false;
        var flags = new StringBuilder();
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c is ':' or ')')
            {
                if (negated && !flagSinceDash)
                {
                    return "flag group needs a flag after '-'";
                }

                // RE2 takes an empty "(?)"; .NET does not, and it changes nothing.
                if (c == ':' || flags.Length > 0)
                {
                    net.Append("(?").Append(flags).Append(c);
                }

                length = 2 + i + 1;
                return null;
            }

            if (c == '-' && !negated)
            {
                negated = true;
                flagSinceDash = false;
                flags.Append(c);
                continue;
            }

            if (c is not ('i' or 'm' or 's' or 'U'))
            {
                return $"group flag '{c}' is not supported by RE2";
            }

            // .NET has no U (ungreedy) flag; n (explicit capture) is as harmless to the syntax check.
            flagSinceDash = true;
            flags.Append(c == 'U' ? 'n' : c);
        }

        return "missing closing )";
    }

    // {n}, {n,} or {n,m}: RE2 caps counts at 1000 and has no possessive form; anything else after '{' is a literal.
    private static string? RepeatProblem(string pattern, int at)
    {
        var close = at + 1;
        while (close < pattern.Length && (char.IsAsciiDigit(pattern[close]) || pattern[close] == ','))
        {
            close++;
        }

        if (close >= pattern.Length || pattern[close] != '}')
        {
            return null; // a literal '{' in RE2
        }

        var parts = pattern[(at + 1)..close].Split(',');
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

            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxRepeat)
            {
                return $"repetition count {part} exceeds RE2's limit of {MaxRepeat}";
            }
        }

        return close + 1 < pattern.Length && pattern[close + 1] == '+' ? "possessive quantifier {n}+ is not supported by RE2" : null;
    }

    // The ":]" closing a POSIX class "[:" at pattern[at], or null. The next ":]" is cached in nextEnd (int.MaxValue: none
    // left): searching the rest of the pattern again for each "[:" would make long patterns quadratic.
    private static int? PosixClassEnd(string pattern, int at, ref int nextEnd)
    {
        if (nextEnd < at + 2)
        {
            var found = pattern.IndexOf(":]", at + 2, StringComparison.Ordinal);
            nextEnd = found < 0 ? int.MaxValue : found;
        }

        return nextEnd == int.MaxValue ? null : nextEnd;
    }

    // A literal code point for the .NET parse: in a class its value matters (ranges), elsewhere any one atom will do, and
    // a plain letter keeps .NET fast (it slows down badly on long runs of escapes). Astral code points become U+FFFF.
    private static void AppendCodePoint(StringBuilder net, int code, bool inClass)
    {
        if (inClass)
        {
            net.Append(@"\u").Append((code > 0xFFFF ? 0xFFFF : code).ToString("X4", CultureInfo.InvariantCulture));
        }
        else
        {
            net.Append('x');
        }
    }
}
