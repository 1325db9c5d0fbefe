using System.Text;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Rewrites <c>has(expr.field)</c> to <c>__has__(expr, 'field')</c> before compiling. Kubernetes binds objects as maps,
/// where <c>has()</c> tests whether the key is present; the Cel package's <c>has()</c> also returns false for a present
/// but empty list, map or string (proto3 semantics), which would let rules such as <c>has(self.principal)</c> fail
/// on <c>principal: {}</c>. String literals are left alone.
/// </summary>
internal static class CelHasRewriter
{
    public const string FunctionName = "__has__";

    public static string Rewrite(string expression)
    {
        var output = new StringBuilder(expression.Length + 16);
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c is '\'' or '"')
            {
                var end = SkipString(expression, i);
                output.Append(expression, i, end - i);
                i = end;
                continue;
            }

            if (c == 'h' && IsHasCall(expression, i) && FindClose(expression, i + 4) is var close && close > 0)
            {
                var inner = Rewrite(expression[(i + 4)..close]);
                var dot = LastTopLevelDot(inner);
                if (dot > 0 && IsIdentifier(inner[(dot + 1)..].Trim()))
                {
                    output.Append(FunctionName).Append('(').Append(inner[..dot]).Append(", '").Append(inner[(dot + 1)..].Trim()).Append("')");
                    i = close + 1;
                    continue;
                }
            }

            output.Append(c);
            i++;
        }

        return output.ToString();
    }

    private static bool IsHasCall(string text, int at)
    {
        if (string.CompareOrdinal(text, at, "has(", 0, 4) != 0)
        {
            return false;
        }

        var before = at == 0 ? ' ' : text[at - 1];
        return !(char.IsAsciiLetterOrDigit(before) || before is '_' or '.');
    }

    private static int SkipString(string text, int at)
    {
        var quote = text[at];
        var triple = at + 2 < text.Length && text[at + 1] == quote && text[at + 2] == quote;
        var raw = at > 0 && text[at - 1] is 'r' or 'R';
        var i = at + (triple ? 3 : 1);
        while (i < text.Length)
        {
            if (!raw && text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (triple)
            {
                if (i + 2 < text.Length && text[i] == quote && text[i + 1] == quote && text[i + 2] == quote)
                {
                    return i + 3;
                }
            }
            else if (text[i] == quote)
            {
                return i + 1;
            }

            i++;
        }

        return text.Length;
    }

    /// <summary>The index of the ')' closing the '(' just before <paramref name="start"/>, or -1.</summary>
    private static int FindClose(string text, int start)
    {
        var depth = 1;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                i = SkipString(text, i);
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (--depth == 0)
                {
                    return c == ')' ? i : -1;
                }
            }

            i++;
        }

        return -1;
    }

    private static int LastTopLevelDot(string text)
    {
        var depth = 0;
        var last = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                i = SkipString(text, i) - 1;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c == '.' && depth == 0)
            {
                last = i;
            }
        }

        return last;
    }

    private static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
