using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EnvoyGateway.Sdk.Envoy;

/// <summary>Writes a JSON value as block-style YAML, quoting strings that YAML would otherwise read as non-strings.</summary>
internal static partial class JsonToYaml
{
    public static string Write(JsonElement root)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        WriteValue(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void WriteValue(IEmitter emitter, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var emptyObject = !value.EnumerateObject().MoveNext();
                emitter.Emit(new MappingStart(null, null, isImplicit: true, emptyObject ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var property in value.EnumerateObject())
                {
                    WriteString(emitter, property.Name);
                    WriteValue(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                var emptyArray = value.GetArrayLength() == 0;
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, emptyArray ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in value.EnumerateArray())
                {
                    WriteValue(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                WriteString(emitter, value.GetString()!);
                break;
            case JsonValueKind.Number:
                WritePlain(emitter, value.GetRawText());
                break;
            case JsonValueKind.True:
                WritePlain(emitter, "true");
                break;
            case JsonValueKind.False:
                WritePlain(emitter, "false");
                break;
            default:
                WritePlain(emitter, "null");
                break;
        }
    }

    private static void WritePlain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static void WriteString(IEmitter emitter, string text)
    {
        var style = text.Contains('\n', System.StringComparison.Ordinal) ? ScalarStyle.Literal
            : ReadsAsNonString(text) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    /// <summary>True when a plain scalar with this text would be read back as null, a boolean or a number (YAML 1.1 or 1.2).</summary>
    internal static bool ReadsAsNonString(string text) => text.Length == 0 || NonStringPlainScalar().IsMatch(text);

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NonStringPlainScalar();
}
