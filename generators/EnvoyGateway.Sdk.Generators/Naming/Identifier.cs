using System.Collections.Generic;
using System.Text;

namespace EnvoyGateway.Sdk.Generators.Naming;

/// <summary>Turns wire names into C# identifiers. Pure, culture-invariant functions.</summary>
internal static class Identifier
{
    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// Pascal-cases a wire name: splits on every non-ASCII-alphanumeric character, upper-cases the first letter of
    /// each part and keeps the rest; two digit runs that meet are joined with <c>_</c> (<c>1.2</c> -> <c>_1_2</c>);
    /// a leading digit gets a <c>_</c> prefix; keywords are escaped. Returns <paramref name="fallback"/> when
    /// nothing alphanumeric remains.
    /// </summary>
    public static string Pascal(string wireName, string fallback)
    {
        var builder = new StringBuilder(wireName.Length + 1);
        bool startOfPart = true;
        for (int i = 0; i < wireName.Length; i++)
        {
            char c = wireName[i];
            if (!IsAsciiLetterOrDigit(c))
            {
                startOfPart = true;
                continue;
            }

            if (startOfPart)
            {
                if (builder.Length > 0 && IsDigit(c) && IsDigit(builder[builder.Length - 1]))
                {
                    builder.Append('_');
                }

                builder.Append(c is >= 'a' and <= 'z' ? (char)(c - 32) : c);
                startOfPart = false;
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        string result = builder.ToString();
        return Keywords.Contains(result) ? "@" + result : result;
    }

    /// <summary>
    /// Pascal-cases a Kubernetes version for a namespace segment: like <see cref="Pascal"/>, and a letter that
    /// follows a digit starts a new word (<c>v1alpha1</c> -> <c>V1Alpha1</c>, <c>v1</c> -> <c>V1</c>).
    /// </summary>
    public static string Version(string version)
    {
        var builder = new StringBuilder(version.Length);
        for (int i = 0; i < version.Length; i++)
        {
            char c = version[i];
            bool wordStart = i == 0 || !IsAsciiLetterOrDigit(version[i - 1]) || (IsDigit(version[i - 1]) && !IsDigit(c));
            builder.Append(wordStart && c is >= 'a' and <= 'z' ? (char)(c - 32) : c);
        }

        return Pascal(builder.ToString(), "V");
    }

    /// <summary>Whether <paramref name="value"/> is a valid dotted C# namespace (ASCII identifiers, no keywords).</summary>
    public static bool IsValidNamespace(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (string part in value.Split('.'))
        {
            if (part.Length == 0 || IsDigit(part[0]) || Keywords.Contains(part))
            {
                return false;
            }

            foreach (char c in part)
            {
                if (!IsAsciiLetterOrDigit(c) && c != '_')
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
