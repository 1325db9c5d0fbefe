using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Reads and writes Kubernetes resources as YAML or JSON without losing anything: fields the model does not know
/// are kept (in the models' <c>AdditionalProperties</c>) and written back, numbers keep their text (<c>1.10</c>
/// stays <c>1.10</c>), and every loaded value can be traced back to its file, line and column.
/// </summary>
/// <remarks>
/// <para>
/// YAML is read with the YAML 1.2 core schema: unquoted <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c>/empty and
/// JSON-shaped numbers are typed, everything else (including quoted values, <c>yes</c>/<c>no</c>, <c>0x1F</c>,
/// <c>.5</c>) is a string with its exact text. A bare number or boolean is accepted for a string field (keeping its
/// text), and a number written as a string is accepted for a numeric field.
/// </para>
/// <para>
/// Each document's <c>apiVersion</c>/<c>kind</c> selects the type registered in <see cref="ResourceKinds"/>
/// (generated models and KubernetesClient's core kinds); other kinds come back as <see cref="UnknownResource"/>.
/// Problems are reported as <see cref="ResourceLoadException"/>, never as a raw serializer exception.
/// </para>
/// </remarks>
public static class ResourceSerializer
{
    /// <summary>Gets the System.Text.Json settings used for models (read-only), for callers that serialize models themselves.</summary>
    public static JsonSerializerOptions JsonOptions => ResourceJsonOptions.Compact;

    /// <summary>Loads every resource of a YAML stream (documents separated by <c>---</c>); empty documents are skipped.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The file name to report in positions and errors, if any.</param>
    /// <returns>The resources, in document order.</returns>
    /// <exception cref="ResourceLoadException">The YAML is malformed or a document does not fit its model.</exception>
    public static IReadOnlyList<LoadedResource> LoadYaml(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Load(YamlResourceReader.ReadDocuments(text, fileName));
    }

    /// <summary>Loads every resource of a YAML file (UTF-8).</summary>
    /// <param name="path">The file path, also reported in positions and errors.</param>
    /// <returns>The resources, in document order.</returns>
    /// <exception cref="ResourceLoadException">The YAML is malformed or a document does not fit its model.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<LoadedResource> LoadYamlFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadYaml(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Loads the resources of a JSON text: one resource object, or a list of them.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="fileName">The file name to report in positions and errors, if any.</param>
    /// <returns>The resources, in order.</returns>
    /// <exception cref="ResourceLoadException">The JSON is malformed or a resource does not fit its model.</exception>
    public static IReadOnlyList<LoadedResource> LoadJson(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Load(JsonResourceReader.ReadDocuments(text, fileName));
    }

    /// <summary>Loads the resources of a JSON file (UTF-8): one resource object, or a list of them.</summary>
    /// <param name="path">The file path, also reported in positions and errors.</param>
    /// <returns>The resources, in order.</returns>
    /// <exception cref="ResourceLoadException">The JSON is malformed or a resource does not fit its model.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<LoadedResource> LoadJsonFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadJson(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>
    /// Writes resources as one YAML stream, documents separated by <c>---</c>. Output is deterministic: the same
    /// resources give the same text (known fields in model order, then unknown fields in the order they were read).
    /// </summary>
    /// <param name="resources">Models, <see cref="UnknownResource"/>s or <see cref="LoadedResource"/>s.</param>
    /// <returns>The YAML text.</returns>
    public static string ToYaml(IEnumerable<object> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var documents = new List<JsonElement>();
        foreach (var resource in resources)
        {
            documents.Add(ToElement(resource));
        }

        return YamlResourceWriter.Write(documents);
    }

    /// <summary>Writes a resource as JSON.</summary>
    /// <param name="resource">A model, an <see cref="UnknownResource"/> or a <see cref="LoadedResource"/>.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends).</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(object resource, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var options = indented ? ResourceJsonOptions.Indented : ResourceJsonOptions.Compact;
        return resource switch
        {
            LoadedResource loaded => ToJson(loaded.Resource, indented),
            UnknownResource unknown => JsonSerializer.Serialize(unknown.Json, options),
            _ => JsonSerializer.Serialize(resource, resource.GetType(), options),
        };
    }

    private static JsonElement ToElement(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource switch
        {
            LoadedResource loaded => ToElement(loaded.Resource),
            UnknownResource unknown => unknown.Json,
            JsonElement element => element,
            _ => JsonSerializer.SerializeToElement(resource, resource.GetType(), ResourceJsonOptions.Compact),
        };
    }

    private static List<LoadedResource> Load(List<ResourceDocument> documents)
    {
        var resources = new List<LoadedResource>(documents.Count);
        foreach (var document in documents)
        {
            if (document.Load() is { } resource)
            {
                resources.Add(resource);
            }
        }

        return resources;
    }
}
