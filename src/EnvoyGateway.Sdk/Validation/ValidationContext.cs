using System.Collections.Generic;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// What one validation run needs to report errors: the resource kind (for redaction), its source map, and whether the
/// value validated is a whole resource (whose root <c>apiVersion</c>/<c>kind</c>/<c>metadata</c> the API server handles
/// itself) or one object inside it.
/// </summary>
internal sealed class ValidationContext
{
    private const int MaxValueLength = 200;
    private readonly bool isResource;
    private readonly bool underSecret;

    /// <param name="kind">The resource kind.</param>
    /// <param name="sourceMap">Positions of the source document, when read from one.</param>
    /// <param name="file">The file name, when known.</param>
    /// <param name="isResource"><see langword="false"/> when the value is an object inside a resource (paths are relative to it).</param>
    /// <param name="underSecret">Whether an enclosing field of that object has a secret-suggesting name (its values stay hidden).</param>
    public ValidationContext(string? kind, SourceMap? sourceMap, string? file, bool isResource = true, bool underSecret = false)
    {
        Kind = kind;
        SourceMap = sourceMap;
        File = file;
        this.isResource = isResource;
        this.underSecret = underSecret;
    }

    public string? Kind { get; }

    public SourceMap? SourceMap { get; }

    public string? File { get; }

    public List<ValidationError> Errors { get; } = [];

    /// <summary>Returns whether the value at <paramref name="path"/> must be hidden.</summary>
    public bool IsSecret(string path) => underSecret || SecretRedaction.IsSecret(Kind, path);

    /// <summary>Returns whether <paramref name="path"/> is the root of a whole resource (not of an object inside one).</summary>
    public bool IsResourceRoot(string path) => isResource && path.Length == 0;

    /// <summary>The value as shown in errors: scalar text, compact JSON for containers, or the redaction placeholder.</summary>
    public string? Show(string path, JsonNode? value)
    {
        if (IsSecret(path))
        {
            return SecretRedaction.Placeholder;
        }

        var text = value is null ? "null" : value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        return text.Length > MaxValueLength ? text[..MaxValueLength] + "..." : text;
    }

    /// <summary>The value quoted for a message (strings in single quotes), or the redaction placeholder.</summary>
    public string Quote(string path, JsonNode? value)
    {
        var shown = Show(path, value)!;
        if (shown == SecretRedaction.Placeholder)
        {
            return shown;
        }

        return value is JsonValue v && v.TryGetValue<string>(out _) ? "'" + shown + "'" : shown;
    }

    /// <summary>Creates an error with the position of the value (or of the key, for <paramref name="atKey"/>).</summary>
    public ValidationError Create(string path, string rule, string message, string? value, bool atKey = false)
    {
        SourcePosition? position = null;
        if (SourceMap is not null)
        {
            if (atKey && SourceMap.TryGetKeyPosition(path, out var key))
            {
                position = key;
            }
            else
            {
                position = SourceMap.FindNearest(path);
            }
        }

        return new ValidationError(path, rule, message, value, position, File);
    }

    /// <summary>Adds an error.</summary>
    public void Report(List<ValidationError> sink, string path, string rule, string message, string? value, bool atKey = false) =>
        sink.Add(Create(path, rule, message, value, atKey));
}
