using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>Splits a YAML stream into documents, converting each to JSON with a source map.</summary>
internal static partial class YamlResourceReader
{
    /// <summary>Reads every document of <paramref name="text"/>.</summary>
    /// <exception cref="ResourceLoadException">The YAML is malformed (syntax, duplicate keys, non-scalar keys, unknown aliases).</exception>
    public static List<ResourceDocument> ReadDocuments(string text, string? file)
    {
        var documents = new List<ResourceDocument>();
        var parser = new Parser(new StringReader(text));
        var index = -1;
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                index++;
                var start = YamlToJson.ToPosition(parser.Current!.Start);
                var map = new SourceMapBuilder();
                var json = YamlToJson.ReadNode(parser, map);
                parser.Consume<DocumentEnd>();
                documents.Add(new ResourceDocument(json, map.Build(), file, index, start));
            }
        }
        catch (YamlException exception)
        {
            var documentIndex = index < 0 ? 0 : index;
            var problem = LoadErrorDescriber.DocumentLabel(documentIndex) + ": " + (Describe(exception));
            throw ResourceLoadException.At(file, YamlToJson.ToPosition(exception.Start), documentIndex, path: null, problem, exception);
        }

        return documents;
    }

    // YamlDotNet prefixes its messages with "(Line: 1, Col: 2, Idx: 3) - (Line: ...): "; the position is reported separately.
    private static string Describe(YamlException exception)
    {
        var message = MarksPrefix().Replace(exception.Message, string.Empty).Trim();
        return message.Length == 0 ? "invalid YAML" : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarksPrefix();
}
