using System;
using System.Collections.Generic;
using System.Text;

namespace EnvoyGateway.Sdk.Translation.Features.Go;

/// <summary>
/// Envoy Gateway's <c>regex.Validate</c>: Go's <c>regexp.Compile</c> (RE2 syntax, Perl flags) refusal of a pattern,
/// rendered <c>regex "p" is invalid: error parsing regexp: &lt;code&gt;: `&lt;expr&gt;`</c>. A port of the error paths
/// of Go's <c>regexp/syntax</c> parser: lookarounds, backreferences, possessive/stacked repeats, bad escapes, bad
/// classes, unbalanced parentheses and repeat counts over 1000 are refused exactly where Go refuses them.
/// </summary>
internal static class GoRegexp
{
    /// <summary>Null when Go accepts the pattern, else Envoy Gateway's message.</summary>
    public static string? Validate(string pattern)
    {
        var error = Parse(pattern);
        return error is null ? null : "regex " + GoFormat.Quote(pattern) + " is invalid: " + error;
    }

    /// <summary>Null when Go's <c>regexp/syntax.Parse</c> accepts the pattern, else the Go error text.</summary>
    public static string? Parse(string pattern)
    {
        try
        {
            new Parser(pattern).Run();
            return null;
        }
        catch (SyntaxError e)
        {
            return "error parsing regexp: " + e.Code + ": `" + e.Expr + "`";
        }
    }

    private sealed class SyntaxError(string code, string expr) : Exception(code)
    {
        public string Code { get; } = code;

        public string Expr { get; } = expr;
    }

    private const string InvalidCharClass = "invalid character class";
    private const string InvalidCharRange = "invalid character class range";
    private const string InvalidEscape = "invalid escape sequence";
    private const string InvalidNamedCapture = "invalid named capture";
    private const string InvalidPerlOp = "invalid or unsupported Perl syntax";
    private const string InvalidRepeatOp = "invalid nested repetition operator";
    private const string InvalidRepeatSize = "invalid repeat count";
    private const string MissingBracket = "missing closing ]";
    private const string MissingParen = "missing closing )";
    private const string MissingRepeatArgument = "missing argument to repetition operator";
    private const string TrailingBackslash = "trailing backslash at end of expression";
    private const string UnexpectedParen = "unexpected )";
    private const string NestingDepth = "expression nests too deeply";

    private enum Kind
    {
        Expr,
        LeftParen,
        VerticalBar,
    }

    private sealed class Node
    {
        public Kind Kind;
        public int RepeatMin;
        public int RepeatMax;
        public bool IsRepeat;
        public List<Node> Subs = new();
    }

    private sealed class Parser(string whole)
    {
        private readonly List<Node> stack = new();

        public void Run()
        {
            var t = new Rest(whole);
            var lastRepeat = Rest.Empty;
            var depth = 0;
            while (t.Length > 0)
            {
                var repeat = Rest.Empty;
                switch (t[0])
                {
                    case '(':
                        if (t.Length >= 2 && t[1] == '?')
                        {
                            t = ParsePerlFlags(t, ref depth);
                            break;
                        }

                        Push(Kind.LeftParen);
                        depth++;
                        CheckDepth(depth);
                        t = t[1..];
                        break;
                    case '|':
                        ParseVerticalBar();
                        t = t[1..];
                        break;
                    case ')':
                        ParseRightParen();
                        depth--;
                        t = t[1..];
                        break;
                    case '^':
                    case '$':
                    case '.':
                        PushExpr();
                        t = t[1..];
                        break;
                    case '[':
                        t = ParseClass(t);
                        PushExpr();
                        break;
                    case '*':
                    case '+':
                    case '?':
                        {
                            var before = t;
                            t = Repeat(0, 0, false, before, t[1..], lastRepeat);
                            repeat = before;
                            break;
                        }

                    case '{':
                        {
                            var before = t;
                            if (!ParseRepeat(t, out var min, out var max, out var after))
                            {
                                PushExpr();
                                t = t[1..];
                                break;
                            }

                            if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max))
                            {
                                throw new SyntaxError(InvalidRepeatSize, before[..^after.Length]);
                            }

                            t = Repeat(min, max, true, before, after, lastRepeat);
                            repeat = before;
                            break;
                        }

                    case '\\':
                        t = ParseBackslash(t);
                        break;
                    default:
                        PushExpr();
                        t = t[(char.IsHighSurrogate(t[0]) && t.Length > 1 ? 2 : 1)..];
                        break;
                }

                lastRepeat = repeat;
            }

            Concat();
            if (SwapVerticalBar())
            {
                stack.RemoveAt(stack.Count - 1);
            }

            Alternate();
            if (stack.Count != 1)
            {
                throw new SyntaxError(MissingParen, whole);
            }
        }

        private static void CheckDepth(int depth)
        {
            if (depth > 1000)
            {
                throw new SyntaxError(NestingDepth, string.Empty);
            }
        }

        private void Push(Kind kind) => stack.Add(new Node { Kind = kind });

        private void PushExpr() => stack.Add(new Node { Kind = Kind.Expr });

        private Rest ParseBackslash(Rest t)
        {
            if (t.Length >= 2)
            {
                switch (t[1])
                {
                    case 'A':
                    case 'b':
                    case 'B':
                    case 'z':
                        PushExpr();
                        return t[2..];
                    case 'C':
                        throw new SyntaxError(InvalidEscape, t[..2]);
                    case 'Q':
                        {
                            var rest = t[2..];
                            var end = rest.IndexOf("\\E", StringComparison.Ordinal);
                            var literal = end < 0 ? rest : rest[..end];
                            for (var i = 0; i < literal.Length; i++)
                            {
                                PushExpr();
                            }

                            return end < 0 ? Rest.Empty : rest[(end + 2)..];
                        }
                }
            }

            if (t.Length >= 2 && (t[1] == 'p' || t[1] == 'P'))
            {
                var rest = ParseUnicodeClass(t);
                if (rest is { } afterClass)
                {
                    PushExpr();
                    return afterClass;
                }
            }

            if (IsPerlClassEscape(t))
            {
                PushExpr();
                return t[2..];
            }

            var after = ParseEscape(t);
            PushExpr();
            return after;
        }

        private static bool IsPerlClassEscape(Rest s) => s.Length >= 2 && s[0] == '\\' && s[1] is 'd' or 'D' or 's' or 'S' or 'w' or 'W';

        private Rest Repeat(int min, int max, bool isRepeatOp, Rest before, Rest after, Rest lastRepeat)
        {
            if (after.Length > 0 && after[0] == '?')
            {
                after = after[1..];
            }

            if (lastRepeat.Length > 0)
            {
                throw new SyntaxError(InvalidRepeatOp, lastRepeat[..^after.Length]);
            }

            var n = stack.Count;
            if (n == 0 || stack[n - 1].Kind != Kind.Expr)
            {
                throw new SyntaxError(MissingRepeatArgument, before[..^after.Length]);
            }

            var sub = stack[n - 1];
            var node = new Node { Kind = Kind.Expr, IsRepeat = isRepeatOp, RepeatMin = min, RepeatMax = max };
            node.Subs.Add(sub);
            stack[n - 1] = node;
            if (isRepeatOp && (min >= 2 || max >= 2) && !RepeatIsValid(node, 1000))
            {
                throw new SyntaxError(InvalidRepeatSize, before[..^after.Length]);
            }

            return after;
        }

        private static bool RepeatIsValid(Node re, int n)
        {
            if (re.IsRepeat)
            {
                var m = re.RepeatMax;
                if (m == 0)
                {
                    return true;
                }

                if (m < 0)
                {
                    m = re.RepeatMin;
                }

                if (m > n)
                {
                    return false;
                }

                if (m > 0)
                {
                    n /= m;
                }
            }

            foreach (var sub in re.Subs)
            {
                if (!RepeatIsValid(sub, n))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ParseRepeat(Rest s, out int min, out int max, out Rest rest)
        {
            min = max = 0;
            rest = Rest.Empty;
            if (s.Length == 0 || s[0] != '{')
            {
                return false;
            }

            s = s[1..];
            if (!ParseInt(ref s, out min) || s.Length == 0)
            {
                return false;
            }

            if (s[0] != ',')
            {
                max = min;
            }
            else
            {
                s = s[1..];
                if (s.Length == 0)
                {
                    return false;
                }

                if (s[0] == '}')
                {
                    max = -1;
                }
                else if (!ParseInt(ref s, out max))
                {
                    return false;
                }
                else if (max < 0)
                {
                    min = -1;
                }
            }

            if (s.Length == 0 || s[0] != '}')
            {
                return false;
            }

            rest = s[1..];
            return true;
        }

        private static bool ParseInt(ref Rest s, out int n)
        {
            n = 0;
            if (s.Length == 0 || !char.IsAsciiDigit(s[0]))
            {
                return false;
            }

            if (s.Length >= 2 && s[0] == '0' && char.IsAsciiDigit(s[1]))
            {
                return false;
            }

            var i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var digits = s[..i];
            s = s[i..];
            for (var d = 0; d < digits.Length; d++)
            {
                var c = digits[d];
                if (n >= 100_000_000)
                {
                    n = -1;
                    break;
                }

                n = (n * 10) + (c - '0');
            }

            return true;
        }

        private Rest ParsePerlFlags(Rest s, ref int depth)
        {
            var t = s;
            if ((t.Length > 4 && t[2] == 'P' && t[3] == '<') || (t.Length > 3 && t[2] == '<'))
            {
                var begin = t[2] == '<' ? 3 : 4;
                var end = t.IndexOf('>', StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new SyntaxError(InvalidNamedCapture, s);
                }

                var capture = t[..(end + 1)];
                var name = t[begin..end];
                if (!IsValidCaptureName(name))
                {
                    throw new SyntaxError(InvalidNamedCapture, capture);
                }

                Push(Kind.LeftParen);
                depth++;
                CheckDepth(depth);
                return t[(end + 1)..];
            }

            t = t[2..];
            var sign = 1;
            var sawFlag = false;
            while (t.Length > 0)
            {
                var c = t[0];
                t = t[(char.IsHighSurrogate(c) && t.Length > 1 ? 2 : 1)..];
                switch (c)
                {
                    case 'i':
                    case 'm':
                    case 's':
                    case 'U':
                        sawFlag = true;
                        continue;
                    case '-':
                        if (sign < 0)
                        {
                            break;
                        }

                        sign = -1;
                        sawFlag = false;
                        continue;
                    case ':':
                    case ')':
                        if (sign < 0 && !sawFlag)
                        {
                            break;
                        }

                        if (c == ':')
                        {
                            Push(Kind.LeftParen);
                            depth++;
                            CheckDepth(depth);
                        }

                        return t;
                }

                break;
            }

            throw new SyntaxError(InvalidPerlOp, s[..^t.Length]);
        }

        private static bool IsValidCaptureName(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            foreach (var c in name)
            {
                if (c != '_' && !char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        private void Concat()
        {
            var i = stack.Count;
            while (i > 0 && stack[i - 1].Kind == Kind.Expr)
            {
                i--;
            }

            var node = new Node { Kind = Kind.Expr };
            node.Subs.AddRange(stack.GetRange(i, stack.Count - i));
            stack.RemoveRange(i, stack.Count - i);
            stack.Add(node);
        }

        private bool SwapVerticalBar()
        {
            var n = stack.Count;
            if (n >= 2 && stack[n - 2].Kind == Kind.VerticalBar)
            {
                (stack[n - 2], stack[n - 1]) = (stack[n - 1], stack[n - 2]);
                return true;
            }

            return false;
        }

        private void ParseVerticalBar()
        {
            Concat();
            if (!SwapVerticalBar())
            {
                Push(Kind.VerticalBar);
            }
        }

        private void Alternate()
        {
            var i = stack.Count;
            while (i > 0 && stack[i - 1].Kind == Kind.Expr)
            {
                i--;
            }

            var node = new Node { Kind = Kind.Expr };
            node.Subs.AddRange(stack.GetRange(i, stack.Count - i));
            stack.RemoveRange(i, stack.Count - i);
            stack.Add(node);
        }

        private void ParseRightParen()
        {
            Concat();
            if (SwapVerticalBar())
            {
                stack.RemoveAt(stack.Count - 1);
            }

            Alternate();
            var n = stack.Count;
            if (n < 2)
            {
                throw new SyntaxError(UnexpectedParen, whole);
            }

            var re1 = stack[n - 1];
            var re2 = stack[n - 2];
            stack.RemoveRange(n - 2, 2);
            if (re2.Kind != Kind.LeftParen)
            {
                throw new SyntaxError(UnexpectedParen, whole);
            }

            var group = new Node { Kind = Kind.Expr };
            group.Subs.Add(re1);
            stack.Add(group);
        }

        private static Rest ParseClass(Rest s)
        {
            var t = s[1..];
            if (t.Length > 0 && t[0] == '^')
            {
                t = t[1..];
            }

            var first = true;
            var noPosixClose = false; // once no ":]" is left, searching again for each "[:" would be quadratic
            while (t.Length == 0 || t[0] != ']' || first)
            {
                first = false;
                if (!noPosixClose && t.Length > 2 && t[0] == '[' && t[1] == ':')
                {
                    var end = t.IndexOf(":]", 2, StringComparison.Ordinal);
                    if (end >= 0)
                    {
                        var name = t[..(end + 2)];
                        if (!IsPosixClass(name))
                        {
                            throw new SyntaxError(InvalidCharRange, name);
                        }

                        t = t[(end + 2)..];
                        continue;
                    }

                    noPosixClose = true;
                }

                var unicodeRest = ParseUnicodeClass(t);
                if (unicodeRest is { } afterClass)
                {
                    t = afterClass;
                    continue;
                }

                if (IsPerlClassEscape(t))
                {
                    t = t[2..];
                    continue;
                }

                var range = t;
                var lo = ParseClassChar(ref t, s);
                var hi = lo;
                if (t.Length >= 2 && t[0] == '-' && t[1] != ']')
                {
                    t = t[1..];
                    hi = ParseClassChar(ref t, s);
                    if (hi < lo)
                    {
                        throw new SyntaxError(InvalidCharRange, range[..^t.Length]);
                    }
                }
            }

            return t[1..];
        }

        private static bool IsPosixClass(string name)
        {
            var inner = name[2..^2];
            if (inner.StartsWith('^'))
            {
                inner = inner[1..];
            }

            return inner is "alnum" or "alpha" or "ascii" or "blank" or "cntrl" or "digit" or "graph" or "lower"
                or "print" or "punct" or "space" or "upper" or "word" or "xdigit";
        }

        private static int ParseClassChar(ref Rest s, Rest wholeClass)
        {
            if (s.Length == 0)
            {
                throw new SyntaxError(MissingBracket, wholeClass);
            }

            if (s[0] == '\\')
            {
                s = ParseEscape(s, out var value);
                return value;
            }

            var rune = char.IsHighSurrogate(s[0]) && s.Length > 1 ? char.ConvertToUtf32(s[0], s[1]) : s[0];
            s = s[(rune > 0xffff ? 2 : 1)..];
            return rune;
        }

        private static Rest ParseEscape(Rest s) => ParseEscape(s, out _);

        private static Rest ParseEscape(Rest s, out int value)
        {
            value = 0;
            var t = s[1..];
            if (t.Length == 0)
            {
                throw new SyntaxError(TrailingBackslash, string.Empty);
            }

            var c = (int)t[0];
            if (char.IsHighSurrogate(t[0]) && t.Length > 1)
            {
                c = char.ConvertToUtf32(t[0], t[1]);
                t = t[2..];
            }
            else
            {
                t = t[1..];
            }

            switch (c)
            {
                case >= '1' and <= '7' when t.Length == 0 || t[0] < '0' || t[0] > '7':
                    break;
                case >= '0' and <= '7':
                    value = c - '0';
                    for (var i = 1; i < 3; i++)
                    {
                        if (t.Length == 0 || t[0] < '0' || t[0] > '7')
                        {
                            break;
                        }

                        value = (value * 8) + t[0] - '0';
                        t = t[1..];
                    }

                    return t;
                case 'x':
                    if (t.Length == 0)
                    {
                        break;
                    }

                    {
                        var h = t[0];
                        t = t[1..];
                        if (h == '{')
                        {
                            var nhex = 0;
                            var r = 0;
                            while (true)
                            {
                                if (t.Length == 0)
                                {
                                    goto Invalid;
                                }

                                var d = t[0];
                                t = t[1..];
                                if (d == '}')
                                {
                                    break;
                                }

                                var v = Unhex(d);
                                if (v < 0)
                                {
                                    goto Invalid;
                                }

                                r = (r * 16) + v;
                                if (r > 0x10FFFF)
                                {
                                    goto Invalid;
                                }

                                nhex++;
                            }

                            if (nhex == 0)
                            {
                                goto Invalid;
                            }

                            value = r;
                            return t;
                        }

                        var x = Unhex(h);
                        var y = -1;
                        if (t.Length > 0)
                        {
                            y = Unhex(t[0]);
                            t = t[1..];
                        }

                        if (x < 0 || y < 0)
                        {
                            break;
                        }

                        value = (x * 16) + y;
                        return t;
                    }

                case 'a':
                    value = 7;
                    return t;
                case 'f':
                    value = 12;
                    return t;
                case 'n':
                    value = 10;
                    return t;
                case 'r':
                    value = 13;
                    return t;
                case 't':
                    value = 9;
                    return t;
                case 'v':
                    value = 11;
                    return t;
                default:
                    if (c < 0x80 && !char.IsAsciiLetterOrDigit((char)c))
                    {
                        value = c;
                        return t;
                    }

                    break;
            }

        Invalid:
            throw new SyntaxError(InvalidEscape, s[..^t.Length]);
        }

        private static int Unhex(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        /// <summary>Null when <paramref name="s"/> is not a <c>\p</c>/<c>\P</c> class; the rest after it otherwise.</summary>
        private static Rest? ParseUnicodeClass(Rest s)
        {
            if (s.Length < 2 || s[0] != '\\' || (s[1] != 'p' && s[1] != 'P'))
            {
                return null;
            }

            var t = s[2..];
            Rest seq;
            Rest name;
            if (t.Length == 0 || t[0] != '{')
            {
                var width = t.Length == 0 ? 0 : (char.IsHighSurrogate(t[0]) && t.Length > 1 ? 2 : 1);
                seq = s[..(2 + width)];
                name = seq[2..];
                t = t[width..];
            }
            else
            {
                var end = s.IndexOf('}', StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new SyntaxError(InvalidCharRange, s);
                }

                seq = s[..(end + 1)];
                t = s[(end + 1)..];
                name = s[3..end];
            }

            if (name.Length > 0 && name[0] == '^')
            {
                name = name[1..];
            }

            if (!UnicodeNames.IsKnown(name))
            {
                throw new SyntaxError(InvalidCharRange, seq);
            }

            return t;
        }
    }

    /// <summary>
    /// The rest of the pattern still to parse, as Go's parser slices it: a view, so slicing is O(1) (string slicing
    /// copies, which made a long pattern quadratic: a 1 MB route regex took minutes).
    /// </summary>
    private readonly struct Rest(string source, int start, int length)
    {
        public Rest(string source)
            : this(source, 0, source.Length)
        {
        }

        public static Rest Empty => new(string.Empty);

        public int Length => length;

        public char this[int index] => source[start + index];

        public static implicit operator string(Rest rest) => rest.ToString();

        public Rest Slice(int offset, int count) => new(source, start + offset, count);

        public int IndexOf(char value, StringComparison comparison) => IndexOf(value.ToString(), 0, comparison);

        public int IndexOf(string value, StringComparison comparison) => IndexOf(value, 0, comparison);

        public int IndexOf(string value, int from, StringComparison comparison) => Span[from..].IndexOf(value.AsSpan(), comparison) is var i and >= 0 ? i + from : -1;

        public override string ToString() => source.Substring(start, length);

        private ReadOnlySpan<char> Span => source.AsSpan(start, length);
    }

    private static class UnicodeNames
    {
        private static readonly HashSet<string> Known = Build();

        public static bool IsKnown(string name) => Known.Contains(Normalize(name));

        private static string Normalize(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                if (c is ' ' or '_' or '-')
                {
                    continue;
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }

        private static HashSet<string> Build()
        {
            const string Names =
                "Any ASCII Assigned " +
                "C Cc Cf Cn Co Cs L LC Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs " +
                "Other Control Format Unassigned Private_Use Surrogate Letter Cased_Letter Lowercase_Letter Modifier_Letter " +
                "Other_Letter Titlecase_Letter Uppercase_Letter Mark Combining_Mark Spacing_Mark Enclosing_Mark Nonspacing_Mark " +
                "Number Decimal_Number Digit Letter_Number Other_Number Punctuation Punct Connector_Punctuation Dash_Punctuation " +
                "Close_Punctuation Final_Punctuation Initial_Punctuation Other_Punctuation Open_Punctuation Symbol " +
                "Currency_Symbol Modifier_Symbol Math_Symbol Other_Symbol Separator Line_Separator Paragraph_Separator " +
                "Space_Separator Cntrl " +
                "Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki " +
                "Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee " +
                "Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra " +
                "Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati " +
                "Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited " +
                "Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi " +
                "Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian " +
                "Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui " +
                "Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari " +
                "Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic " +
                "Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage " +
                "Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan " +
                "Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri " +
                "Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan " +
                "Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square";
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in Names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                set.Add(Normalize(name));
            }

            return set;
        }
    }
}
