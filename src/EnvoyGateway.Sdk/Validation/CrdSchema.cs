using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// An <c>openAPIV3Schema</c> parsed once into an immutable tree, ready for <see cref="ResourceValidator"/>. Build it
/// from the schema's JSON text (<see cref="Parse"/>) or from a CRD file and one of its versions (<see cref="FromCrdYaml"/>,
/// <see cref="FromCrdFile"/>). Instances are immutable and thread-safe.
/// </summary>
public sealed class CrdSchema
{
    private CrdSchema(SchemaNode root, string? apiVersion, string? kind)
    {
        Root = root;
        ApiVersion = apiVersion;
        Kind = kind;
    }

    /// <summary>Gets the <c>group/version</c> the schema is for, when known.</summary>
    public string? ApiVersion { get; }

    /// <summary>Gets the kind the schema is for, when known.</summary>
    public string? Kind { get; }

    internal SchemaNode Root { get; }

    /// <summary>Parses an <c>openAPIV3Schema</c> given as JSON text.</summary>
    /// <param name="openApiV3SchemaJson">The schema JSON (an object).</param>
    /// <param name="apiVersion">The <c>group/version</c> it is for, if known.</param>
    /// <param name="kind">The kind it is for, if known.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static CrdSchema Parse(string openApiV3SchemaJson, string? apiVersion = null, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(openApiV3SchemaJson);
        try
        {
            using var document = JsonDocument.Parse(openApiV3SchemaJson);
            return new CrdSchema(SchemaNodeParser.Parse(document.RootElement), apiVersion, kind);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The OpenAPI v3 schema is not valid JSON: " + exception.Message, exception);
        }
    }

    /// <summary>Reads the schema of one version of a CustomResourceDefinition given as YAML (or JSON) text.</summary>
    /// <param name="crdYaml">The CRD text; the first CustomResourceDefinition document is used.</param>
    /// <param name="version">The version name (for example <c>v1alpha1</c>).</param>
    /// <returns>The schema.</returns>
    /// <exception cref="FormatException">No CRD, no such version, or no schema.</exception>
    public static CrdSchema FromCrdYaml(string crdYaml, string version)
    {
        ArgumentNullException.ThrowIfNull(crdYaml);
        ArgumentNullException.ThrowIfNull(version);
        foreach (var schema in ReadAll(crdYaml, null, servedOnly: false))
        {
            if (schema.ApiVersion is { } apiVersion && apiVersion.EndsWith("/" + version, StringComparison.Ordinal))
            {
                return schema;
            }
        }

        throw new FormatException($"The CRD has no version '{version}' with an openAPIV3Schema.");
    }

    /// <summary>Reads the schema of one version of a CustomResourceDefinition file (YAML or JSON, UTF-8).</summary>
    /// <param name="path">The file path.</param>
    /// <param name="version">The version name.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="FormatException">No CRD, no such version, or no schema.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CrdSchema FromCrdFile(string path, string version)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromCrdYaml(File.ReadAllText(path, Encoding.UTF8), version);
    }

    /// <summary>Reads every version's schema of every CRD document in a YAML stream.</summary>
    internal static List<CrdSchema> ReadAll(string text, string? file, bool servedOnly)
    {
        var schemas = new List<CrdSchema>();
        foreach (var document in YamlResourceReader.ReadDocuments(text, file))
        {
            using var json = JsonDocument.Parse(document.Json, ResourceJsonOptions.DocumentOptions);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || UnknownResource.StringProperty(root, "kind") != "CustomResourceDefinition"
                || !root.TryGetProperty("spec", out var spec)
                || !spec.TryGetProperty("names", out var names)
                || UnknownResource.StringProperty(names, "kind") is not { } kind
                || UnknownResource.StringProperty(spec, "group") is not { } group
                || !spec.TryGetProperty("versions", out var versions)
                || versions.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var version in versions.EnumerateArray())
            {
                if (UnknownResource.StringProperty(version, "name") is not { } name
                    || (servedOnly && version.TryGetProperty("served", out var served) && served.ValueKind == JsonValueKind.False)
                    || !version.TryGetProperty("schema", out var schema)
                    || !schema.TryGetProperty("openAPIV3Schema", out var openApi))
                {
                    continue;
                }

                schemas.Add(new CrdSchema(SchemaNodeParser.Parse(openApi), group + "/" + name, kind));
            }
        }

        if (schemas.Count == 0)
        {
            throw new FormatException("No CustomResourceDefinition with an openAPIV3Schema was found" + (file is null ? "." : " in " + file + "."));
        }

        return schemas;
    }

    /// <summary>The same schema tree under another <c>apiVersion</c>/<c>kind</c> (for versions served with an identical schema).</summary>
    internal CrdSchema WithIdentity(string apiVersion, string kind) => new(Root, apiVersion, kind);

    /// <inheritdoc/>
    public override string ToString() => (ApiVersion ?? "?") + "/" + (Kind ?? "?");
}
