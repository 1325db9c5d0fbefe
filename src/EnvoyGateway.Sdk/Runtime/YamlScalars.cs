using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// How YAML scalars map to JSON values (YAML 1.2 core schema, restricted to what JSON can write exactly) and how
/// JSON values are written as YAML scalars so that every YAML reader, including YAML 1.1 ones such as the one
/// behind kubectl, reads them back with the same type.
/// </summary>
internal static partial class YamlScalars
{
    /// <summary>The kind of JSON value a YAML scalar stands for.</summary>
    public enum Kind
    {
        /// <summary>A string.</summary>
        String,

        /// <summary>A number whose YAML text is valid JSON number text (written with that exact text).</summary>
        Number,

        /// <summary><c>true</c>.</summary>
        True,

        /// <summary><c>false</c>.</summary>
        False,

        /// <summary><c>null</c>.</summary>
        Null,
    }

    /// <summary>Returns whether the scalar was written without quotes (and so is subject to type resolution).</summary>
    public static bool IsPlain(Scalar scalar) => scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && !HasExplicitTag(scalar);

    /// <summary>Returns whether the scalar carries a tag such as <c>!!str</c> (not the non-specific <c>?</c>/<c>!</c>).</summary>
    public static bool HasExplicitTag(Scalar scalar) => !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific;

    /// <summary>Returns whether <paramref name="text"/> is valid JSON number text.</summary>
    public static bool IsJsonNumber(string text) => JsonNumber().IsMatch(text);

    /// <summary>
    /// Resolves a scalar by the YAML 1.2 core schema. Numeric forms that JSON cannot write exactly (<c>0x1F</c>,
    /// <c>0o17</c>, <c>+1</c>, <c>.5</c>, <c>007</c>, <c>.inf</c>) stay strings with their text, so nothing is lost.
    /// Explicit tags <c>!!str</c>, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c> and <c>!!null</c> are honoured.
    /// </summary>
    public static Kind Resolve(Scalar scalar)
    {
        var text = scalar.Value;
        if (HasExplicitTag(scalar))
        {
            return scalar.Tag.Value switch
            {
                "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" when IsJsonNumber(text) => Kind.Number,
                "tag:yaml.org,2002:bool" when CoreTrue().IsMatch(text) => Kind.True,
                "tag:yaml.org,2002:bool" when CoreFalse().IsMatch(text) => Kind.False,
                "tag:yaml.org,2002:null" => Kind.Null,
                _ => Kind.String,
            };
        }

        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return Kind.String;
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => Kind.Null,
            "true" or "True" or "TRUE" => Kind.True,
            "false" or "False" or "FALSE" => Kind.False,
            _ when IsJsonNumber(text) => Kind.Number,
            _ => Kind.String,
        };
    }

    /// <summary>
    /// Returns whether a string must be quoted to be read back as a string by YAML 1.1 and 1.2 readers:
    /// empty, null/boolean words (including <c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c>, <c>y</c>, <c>n</c>),
    /// anything number-like (<c>1.10</c>, <c>0x1F</c>, <c>1_000</c>, <c>1:30</c>, <c>.inf</c>) or date-like.
    /// Characters that YAML syntax itself forbids in plain scalars are left to the emitter, which quotes them.
    /// </summary>
    public static bool NeedsQuotes(string text) =>
        text.Length == 0 || text.Trim() != text || AmbiguousWord().IsMatch(text) || NumberLike().IsMatch(text) || DateLike().IsMatch(text);

    /// <summary>Emits a string so that it reads back as the same string.</summary>
    public static void EmitString(IEmitter emitter, string text)
    {
        if (text.Contains('\n', System.StringComparison.Ordinal))
        {
            // The emitter falls back to a quoted style when a literal block cannot hold the text exactly.
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Literal, isPlainImplicit: false, isQuotedImplicit: true));
            return;
        }

        var plain = !NeedsQuotes(text);
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, plain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted, isPlainImplicit: plain, isQuotedImplicit: true));
    }

    /// <summary>Emits a number with its exact text.</summary>
    public static void EmitNumber(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    /// <summary>Emits a plain <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public static void EmitKeyword(IEmitter emitter, string keyword) => EmitNumber(emitter, keyword);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^(true|True|TRUE)$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreTrue();

    [GeneratedRegex(@"^(false|False|FALSE)$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreFalse();

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<)$", RegexOptions.CultureInvariant)]
    private static partial Regex AmbiguousWord();

    [GeneratedRegex(@"^[-+]?(\.?[0-9][0-9_]*([.:][0-9_]*)*([eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|\.(inf|Inf|INF|nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
