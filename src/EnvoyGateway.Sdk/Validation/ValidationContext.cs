using System.Collections.Generic;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>What one validation run needs to report errors: the resource kind (for redaction) and its source map.</summary>
internal sealed class ValidationContext
{
    private const int MaxValueLength = 200;

    public ValidationContext(string? kind, SourceMap? sourceMap, string? file)
    {
        Kind = kind;
        SourceMap = sourceMap;
        File = file;
    }

    public string? Kind { get; }

    public SourceMap? SourceMap { get; }

    public string? File { get; }

    public List<ValidationError> Errors { get; } = [];

    /// <summary>Returns whether the value at <paramref name="path"/> must be hidden.</summary>
    public bool IsSecret(string path) => SecretRedaction.IsSecret(Kind, path);

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
