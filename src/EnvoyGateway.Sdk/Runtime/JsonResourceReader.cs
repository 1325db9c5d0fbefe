using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Splits JSON text into resources (one object, or a list of objects) with a source map for each, refusing
/// duplicate keys. Columns count UTF-16 characters, as for YAML.
/// </summary>
internal static class JsonResourceReader
{
    /// <summary>Reads the resources of <paramref name="text"/>.</summary>
    /// <exception cref="ResourceLoadException">The JSON is malformed or has duplicate keys.</exception>
    public static List<ResourceDocument> ReadDocuments(string text, string? file)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineIndex(bytes);
        var documents = new List<ResourceDocument>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 512 });
        var frames = new Stack<Frame>();
        var rootIsList = false;
        var documentIndex = 0;
        SourceMapBuilder? map = null;
        var documentStart = 0L;
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                var position = lines.PositionOf(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var owner = frames.Peek();
                        if (!owner.Keys!.Add(name))
                        {
                            var where = owner.Path.Length == 0 ? string.Empty : owner.Path + ": ";
                            throw ResourceLoadException.At(file, position, documentIndex, owner.Path.Length == 0 ? null : owner.Path, $"{LoadErrorDescriber.DocumentLabel(documentIndex)}: {where}duplicate key '{name}'");
                        }

                        pendingProperty = JsonPath.Property(owner.Path, name);
                        map!.AddKey(pendingProperty, position);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        if ((frames.Count == 0 && !rootIsList) || (frames.Count == 1 && rootIsList))
                        {
                            var end = reader.BytesConsumed;
                            documents.Add(new ResourceDocument(bytes.AsMemory((int)documentStart, (int)(end - documentStart)), map!.Build(), file, documentIndex, lines.PositionOf(documentStart)));
                            documentIndex++;
                            map = null;
                        }

                        continue;
                }

                // A value: work out its path, record it, and open a frame for containers.
                string path;
                if (frames.Count == 0)
                {
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        rootIsList = true;
                        frames.Push(new Frame(string.Empty, IsList: true, Keys: null));
                        continue;
                    }

                    path = string.Empty;
                }
                else if (frames.Count == 1 && rootIsList)
                {
                    path = string.Empty;
                }
                else if (frames.Peek().IsList)
                {
                    var list = frames.Pop();
                    path = JsonPath.Index(list.Path, list.Count);
                    frames.Push(list with { Count = list.Count + 1 });
                }
                else
                {
                    path = pendingProperty!;
                }

                if (path.Length == 0)
                {
                    map = new SourceMapBuilder();
                    documentStart = reader.TokenStartIndex;
                }

                map!.AddValue(path, position);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                }
                else if (path.Length == 0)
                {
                    // A scalar where a resource belongs: let the document reader explain it.
                    var end = reader.BytesConsumed;
                    documents.Add(new ResourceDocument(bytes.AsMemory((int)documentStart, (int)(end - documentStart)), map.Build(), file, documentIndex, position));
                    documentIndex++;
                    map = null;
                }
            }
        }
        catch (JsonException exception)
        {
            var position = new SourcePosition((int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1);
            var message = exception.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut >= 0 ? message[..cut] : message).Trim();
            throw ResourceLoadException.At(file, position, documentIndex, path: null, $"{LoadErrorDescriber.DocumentLabel(documentIndex)}: invalid JSON: {message}", exception);
        }

        return documents;
    }

    private sealed record Frame(string Path, bool IsList, HashSet<string>? Keys, int Count = 0);

    /// <summary>Converts byte offsets into 1-based line and UTF-16 column.</summary>
    private sealed class LineIndex
    {
        private readonly byte[] bytes;
        private readonly List<int> lineStarts = [0];

        public LineIndex(byte[] bytes)
        {
            this.bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        public SourcePosition PositionOf(long offset)
        {
            var line = lineStarts.BinarySearch((int)offset);
            line = line >= 0 ? line : ~line - 1;
            var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], (int)offset - lineStarts[line]);
            return new SourcePosition(line + 1, column + 1);
        }
    }
}
