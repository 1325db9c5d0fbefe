using System;
using System.Collections.Generic;
using System.Globalization;
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
        text = WithoutByteOrderMarks(text);
        RejectNonPrintable(text, file);
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
        catch (InvalidOperationException exception) when (exception.Source == "YamlDotNet")
        {
            // YamlDotNet's scanner fails this way when the text ends inside a flow collection ("[a, b" or "{a: b").
            var documentIndex = index < 0 ? 0 : index;
            var problem = LoadErrorDescriber.DocumentLabel(documentIndex) + ": the text ends inside a '[' or '{' that is never closed";
            throw ResourceLoadException.At(file, EndOf(text), documentIndex, path: null, problem, exception);
        }

        return documents;
    }

    // YAML allows a byte order mark before each document; YamlDotNet would read it as part of the first key.
    private static string WithoutByteOrderMarks(string text) =>
        text.Contains('\uFEFF', StringComparison.Ordinal) ? LeadingByteOrderMark().Replace(text, string.Empty) : text;

    // YamlDotNet takes U+0000 for the end of the stream and silently drops the rest; binary data gives riddles.
    private static void RejectNonPrintable(string text, string? file)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r' || (c >= ' ' && c <= '~') || c == '\u0085' || (c >= '\u00A0' && c <= '\uFFFD'))
            {
                continue;
            }

            var before = text.AsSpan(0, i);
            var line = before.Count('\n') + 1;
            var column = i - before.LastIndexOf('\n');
            var documentIndex = DocumentIndexAt(before);
            var problem = string.Create(CultureInfo.InvariantCulture,
                $"{LoadErrorDescriber.DocumentLabel(documentIndex)}: the text contains the control character U+{(int)c:X4}, which YAML does not allow (is this a binary file?)");
            throw ResourceLoadException.At(file, new SourcePosition(line, column), documentIndex, path: null, problem);
        }
    }

    [GeneratedRegex(@"^\uFEFF", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingByteOrderMark();

    // Every "---" starts a document, except a first one with nothing but comments and directives before it.
    private static int DocumentIndexAt(ReadOnlySpan<char> before)
    {
        var separators = 0;
        var contentBeforeFirst = false;
        foreach (var line in before.EnumerateLines())
        {
            if (line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || line[3] is ' ' or '\t'))
            {
                separators++;
            }
            else if (separators == 0 && line.Trim().Length > 0 && line.TrimStart()[0] is not ('#' or '%'))
            {
                contentBeforeFirst = true;
            }
        }

        return separators == 0 || contentBeforeFirst ? separators : separators - 1;
    }

    private static SourcePosition EndOf(string text)
    {
        var lastBreak = text.TrimEnd('\n', '\r').LastIndexOf('\n');
        var line = text.TrimEnd('\n', '\r').AsSpan().Count('\n') + 1;
        return new SourcePosition(line, text.TrimEnd('\n', '\r').Length - lastBreak);
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
