using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>Writes JSON values as a multi-document YAML stream: deterministic, <c>\n</c> line ends, no line folding.</summary>
internal static class YamlResourceWriter
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: 1024,
        newLine: "\n");

    /// <summary>Writes each value as one document; documents after the first start with <c>---</c>.</summary>
    public static string Write(IEnumerable<JsonElement> documents)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        var first = true;
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(version: null, tags: null, isImplicit: first));
            JsonToYaml.WriteValue(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
            first = false;
        }

        emitter.Emit(new StreamEnd());
        return text.ToString();
    }
}
