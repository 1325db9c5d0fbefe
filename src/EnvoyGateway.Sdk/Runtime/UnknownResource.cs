using System;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// A resource whose <c>apiVersion</c>/<c>kind</c> has no registered type. It is returned rather than dropped so
/// callers can warn and skip it, and it is written back unchanged by <see cref="ResourceSerializer"/>.
/// </summary>
public sealed class UnknownResource
{
    /// <summary>Wraps a resource's JSON.</summary>
    /// <param name="json">The resource as a JSON object; a copy is kept.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object.</exception>
    public UnknownResource(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A resource must be a JSON object.", nameof(json));
        }

        Json = json.Clone();
        ApiVersion = StringProperty(Json, "apiVersion") ?? string.Empty;
        Kind = StringProperty(Json, "kind") ?? string.Empty;
        if (Json.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            Name = StringProperty(metadata, "name");
            Namespace = StringProperty(metadata, "namespace");
        }
    }

    /// <summary>Gets the resource's <c>apiVersion</c>.</summary>
    public string ApiVersion { get; }

    /// <summary>Gets the resource's <c>kind</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets <c>metadata.name</c>, when present.</summary>
    public string? Name { get; }

    /// <summary>Gets <c>metadata.namespace</c>, when present.</summary>
    public string? Namespace { get; }

    /// <summary>Gets the whole resource as JSON, exactly as read.</summary>
    public JsonElement Json { get; }

    /// <summary>Returns <c>apiVersion/kind</c>, for messages.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => ApiVersion + "/" + Kind;

    internal static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
