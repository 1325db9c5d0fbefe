using System;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Turns one document, already converted to JSON with its source map, into a <see cref="LoadedResource"/>: finds the
/// registered type for its <c>apiVersion</c>/<c>kind</c> and deserializes it, mapping failures back to positions.
/// </summary>
/// <param name="Json">The document as UTF-8 JSON.</param>
/// <param name="SourceMap">The positions of the document's values.</param>
/// <param name="File">The file name, if any.</param>
/// <param name="DocumentIndex">The zero-based index of the document in its file.</param>
/// <param name="Start">Where the document's root value starts.</param>
internal sealed record ResourceDocument(ReadOnlyMemory<byte> Json, SourceMap SourceMap, string? File, int DocumentIndex, SourcePosition Start)
{
    /// <summary>Reads the resource, or returns <see langword="null"/> for an empty document.</summary>
    /// <exception cref="ResourceLoadException">The document is not a resource or does not fit its model.</exception>
    public LoadedResource? Load()
    {
        using var document = JsonDocument.Parse(Json, ResourceJsonOptions.DocumentOptions);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var label = LoadErrorDescriber.DocumentLabel(DocumentIndex);
        if (root.ValueKind != JsonValueKind.Object)
        {
            var found = LoadErrorDescriber.FoundAt(root, string.Empty, kind: null);
            throw Fail(Start, string.Empty, $"{label}: expected a Kubernetes resource (an object with apiVersion and kind), found {found}");
        }

        var apiVersion = RequireString(root, "apiVersion", label);
        var kind = RequireString(root, "kind", label);
        string? name = null;
        string? @namespace = null;
        if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            name = UnknownResource.StringProperty(metadata, "name");
            @namespace = UnknownResource.StringProperty(metadata, "namespace");
        }

        var resource = ResourceKinds.TryGetType(apiVersion, kind, out var type)
            ? Deserialize(type, root, kind, label + " (" + kind + (name is null ? string.Empty : " \"" + name + "\"") + ")")
            : new UnknownResource(root);
        return new LoadedResource(resource, apiVersion, kind, name, @namespace, File, DocumentIndex, Start, SourceMap);
    }

    private object Deserialize(Type type, JsonElement root, string kind, string label)
    {
        var options = ResourceJsonOptions.Compact;
        try
        {
            return JsonSerializer.Deserialize(Json.Span, type, options)
                ?? throw Fail(Start, string.Empty, $"{label}: the document is empty");
        }
        catch (JsonException exception)
        {
            var path = JsonPath.FromSystemTextJson(exception.Path) ?? string.Empty;
            var position = SourceMap.FindNearest(path) ?? Start;
            var problem = LoadErrorDescriber.Describe(type, root, path, kind, options, exception.InnerException is null ? exception.Message : null);
            throw Fail(position, path, $"{label}: {problem}", exception);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException
            && LoadErrorDescriber.FindUnreadableScalar(type, root, options) is { } path)
        {
            // A converter refused a value without saying where (KubernetesClient's date-time converter does that).
            var position = SourceMap.FindNearest(path) ?? Start;
            var problem = LoadErrorDescriber.Describe(type, root, path, kind, options, converterMessage: null);
            throw Fail(position, path, $"{label}: {problem}", exception);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // A model the serializer cannot handle (or a value it refuses): name the type, not the data.
            throw Fail(Start, string.Empty, $"{label}: cannot read the document into {type.FullName}: {exception.GetType().Name}", exception);
        }
    }

    private string RequireString(JsonElement root, string property, string label)
    {
        if (!root.TryGetProperty(property, out var value))
        {
            throw Fail(Start, string.Empty, $"{label}: the resource has no '{property}'");
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            var position = SourceMap.FindNearest(property) ?? Start;
            throw Fail(position, property, $"{label}: {property}: expected a non-empty string, found {LoadErrorDescriber.FoundAt(root, property, kind: null)}");
        }

        return text;
    }

    private ResourceLoadException Fail(SourcePosition position, string path, string problem, Exception? inner = null) =>
        ResourceLoadException.At(File, position, DocumentIndex, path.Length == 0 ? null : path, problem, inner);
}
