using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// The CRD schemas known to <see cref="ResourceValidator"/>, by <c>apiVersion</c> + <c>kind</c> and by model type.
/// Generated models register their compiled-in schema from a module initializer (<see cref="Register(Type, string, string, string)"/>; the JSON is
/// parsed on first use); schemas not compiled into models can be loaded from CRD files (<see cref="LoadCrdFile"/>).
/// A later registration for the same kind replaces the earlier one. Thread-safe.
/// </summary>
public static class SchemaRegistry
{
    private static readonly ConcurrentDictionary<string, Lazy<CrdSchema>> ByKind = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, Lazy<CrdSchema>> ByType = new();
    private static readonly ConcurrentDictionary<string, Type> Aliases = new(StringComparer.Ordinal);

    /// <summary>Registers the schema of a model type. The JSON is parsed once, on first use.</summary>
    /// <param name="modelType">The generated model type (for example <c>BackendTrafficPolicy</c>).</param>
    /// <param name="apiVersion">The <c>group/version</c>.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="openApiV3SchemaJson">The version's <c>openAPIV3Schema</c> as JSON text.</param>
    public static void Register(Type modelType, string apiVersion, string kind, string openApiV3SchemaJson)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(openApiV3SchemaJson);
        var schema = new Lazy<CrdSchema>(() => CrdSchema.Parse(openApiV3SchemaJson, apiVersion, kind));
        ByKind[Key(apiVersion, kind)] = schema;
        ByType[modelType] = schema;
    }

    /// <summary>Registers an already parsed schema for an <c>apiVersion</c> and <c>kind</c>.</summary>
    /// <param name="apiVersion">The <c>group/version</c>.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="schema">The schema.</param>
    public static void Register(string apiVersion, string kind, CrdSchema schema)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(schema);
        ByKind[Key(apiVersion, kind)] = new Lazy<CrdSchema>(schema);
    }

    /// <summary>
    /// Makes the schema registered for <paramref name="modelType"/> also the schema of <paramref name="apiVersion"/>
    /// <paramref name="kind"/>: for another served version with an identical schema that loads into the same model
    /// (Gateway API <c>v1beta1</c> Gateway into the <c>v1</c> model, say). Resolved on first use, so the order of
    /// registrations does not matter; a schema registered for that <c>apiVersion</c>/<c>kind</c> itself takes precedence.
    /// </summary>
    /// <param name="apiVersion">The aliased <c>group/version</c>.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="modelType">The generated model type whose schema applies.</param>
    public static void RegisterAlias(string apiVersion, string kind, Type modelType)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(modelType);
        Aliases[Key(apiVersion, kind)] = modelType;
    }

    /// <summary>Loads every served version of every CustomResourceDefinition in a YAML/JSON file and registers them.</summary>
    /// <param name="path">The CRD file.</param>
    /// <returns>The schemas registered.</returns>
    /// <exception cref="FormatException">The file holds no CRD with a schema.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<CrdSchema> LoadCrdFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var schemas = CrdSchema.ReadAll(File.ReadAllText(path, Encoding.UTF8), path, servedOnly: true);
        foreach (var schema in schemas)
        {
            Register(schema.ApiVersion!, schema.Kind!, schema);
        }

        return schemas;
    }

    /// <summary>Finds the schema for an <c>apiVersion</c> and <c>kind</c>.</summary>
    /// <param name="apiVersion">The <c>group/version</c>.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="schema">The schema, when registered.</param>
    /// <returns><see langword="true"/> when a schema is registered.</returns>
    public static bool TryGet(string apiVersion, string kind, [NotNullWhen(true)] out CrdSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        var key = Key(apiVersion, kind);
        if (ByKind.TryGetValue(key, out var lazy))
        {
            schema = lazy.Value;
            return true;
        }

        schema = Aliases.TryGetValue(key, out var modelType) && TryGet(modelType, out var target) ? target.WithIdentity(apiVersion, kind) : null;
        return schema is not null;
    }

    /// <summary>Finds the schema registered for a model type.</summary>
    /// <param name="modelType">The model type.</param>
    /// <param name="schema">The schema, when registered.</param>
    /// <returns><see langword="true"/> when a schema is registered.</returns>
    public static bool TryGet(Type modelType, [NotNullWhen(true)] out CrdSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        schema = ByType.TryGetValue(modelType, out var lazy) ? lazy.Value : null;
        return schema is not null;
    }

    private static string Key(string apiVersion, string kind) => apiVersion + "\n" + kind;
}
