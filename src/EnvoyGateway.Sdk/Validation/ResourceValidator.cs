using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Client-side validation of resources against their CRD schema, as the Kubernetes API server does on create: unknown
/// fields and non-nullable <c>null</c>s are pruned (and reported), <c>default</c>s are applied, then every OpenAPI
/// constraint, list type and int-or-string is checked and every <c>x-kubernetes-validations</c> CEL rule is evaluated
/// (except where a blocking error in the subtree would stop the API server). Every problem is reported, not the first.
/// Beyond the API server, route regular expressions RE2 refuses are reported (<see cref="ValidationRules.Re2"/>).
/// </summary>
/// <remarks>The input is never modified. Thread-safe.</remarks>
public static class ResourceValidator
{
    /// <summary>Validates a resource given as JSON against a schema.</summary>
    /// <param name="obj">The resource (an object).</param>
    /// <param name="schema">The schema.</param>
    /// <returns>The problems found.</returns>
    public static ValidationReport Validate(JsonElement obj, CrdSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var kind = obj.ValueKind == JsonValueKind.Object ? UnknownResource.StringProperty(obj, "kind") : null;
        return Run(obj, schema, new ValidationContext(kind, null, null), Describe(obj), -1);
    }

    /// <summary>
    /// Validates a loaded resource against the schema registered for its <c>apiVersion</c>/<c>kind</c>, reporting
    /// source positions. A kind without a registered schema (Service, Secret, ...) gives an empty report.
    /// </summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The problems found.</returns>
    /// <remarks>
    /// A typed model is serialized first, so what the model cannot hold (an explicit <c>null</c>) is not seen; use
    /// <see cref="ValidateYaml"/> to validate the text exactly as written.
    /// </remarks>
    public static ValidationReport Validate(LoadedResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!SchemaRegistry.TryGet(resource.ApiVersion, resource.Kind, out var schema))
        {
            return ValidationReport.Empty;
        }

        var json = resource.Resource switch
        {
            UnknownResource unknown => unknown.Json,
            var model => JsonSerializer.SerializeToElement(model, model.GetType(), ResourceSerializer.JsonOptions),
        };
        return Run(json, schema, new ValidationContext(resource.Kind, resource.SourceMap, resource.File), resource.ToString(), resource.DocumentIndex);
    }

    /// <summary>Validates a model instance (a generated type) against the schema registered for its type or kind.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The problems found; empty when no schema is registered for it.</returns>
    public static ValidationReport Validate(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        switch (model)
        {
            case LoadedResource loaded:
                return Validate(loaded);
            case JsonElement element:
                return ValidateRegistered(element);
            case UnknownResource unknown:
                return ValidateRegistered(unknown.Json);
        }

        var json = JsonSerializer.SerializeToElement(model, model.GetType(), ResourceSerializer.JsonOptions);
        if (SchemaRegistry.TryGet(model.GetType(), out var schema))
        {
            return Run(json, schema, new ValidationContext(UnknownResource.StringProperty(json, "kind") ?? schema.Kind, null, null), Describe(json), -1);
        }

        return ValidateRegistered(json);
    }

    /// <summary>
    /// Validates one object inside a resource (an instance of a generated nested type) on its own, against the
    /// sub-schema at <paramref name="schemaPointer"/> of the schema registered for <paramref name="rootKind"/>. Paths in
    /// the report are relative to the object; rules of enclosing objects (whether the object is required, their CEL
    /// rules) are not checked. Generated types call this from their <c>Validate()</c> method.
    /// </summary>
    /// <param name="node">The object (serialized as the model serializes it).</param>
    /// <param name="rootKind">The generated kind type whose schema holds the object's schema.</param>
    /// <param name="schemaPointer">The JSON Pointer of the object's schema within <c>openAPIV3Schema</c>, such as <c>/properties/spec/properties/rules/items</c>.</param>
    /// <returns>The problems found; empty when no schema is registered for <paramref name="rootKind"/>.</returns>
    /// <exception cref="ArgumentException">The pointer does not lead to a schema.</exception>
    public static ValidationReport ValidateNode(object node, Type rootKind, string schemaPointer)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(rootKind);
        ArgumentNullException.ThrowIfNull(schemaPointer);
        if (!SchemaRegistry.TryGet(rootKind, out var schema))
        {
            return ValidationReport.Empty;
        }

        if (!SchemaPointer.TryResolve(schema.Root, schemaPointer, out var nodeSchema, out var underSecret))
        {
            throw new ArgumentException($"The schema pointer '{schemaPointer}' does not lead to a schema in {schema}.", nameof(schemaPointer));
        }

        var json = JsonSerializer.SerializeToElement(node, node.GetType(), ResourceSerializer.JsonOptions);
        var context = new ValidationContext(schema.Kind, null, null, isResource: false, underSecret);
        return Run(json, nodeSchema, context, node.GetType().Name + " in " + schema, -1);
    }

    /// <summary>
    /// Validates every document of a YAML stream exactly as written (nothing goes through a model), against the
    /// schemas registered for their kinds; documents of other kinds get empty reports.
    /// </summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The file name to report, if any.</param>
    /// <returns>One report per non-empty document, in order.</returns>
    /// <exception cref="ResourceLoadException">The YAML is malformed.</exception>
    public static IReadOnlyList<ValidationReport> ValidateYaml(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reports = new List<ValidationReport>();
        foreach (var document in YamlResourceReader.ReadDocuments(text, fileName))
        {
            using var json = JsonDocument.Parse(document.Json, ResourceJsonOptions.DocumentOptions);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (NotAResource(root, document, fileName) is { Count: > 0 } problems)
            {
                // The API server refuses these before any schema applies; an empty report would read as "valid".
                reports.Add(new ValidationReport(problems, Describe(root), document.DocumentIndex));
                continue;
            }

            var apiVersion = root.ValueKind == JsonValueKind.Object ? UnknownResource.StringProperty(root, "apiVersion") : null;
            var kind = root.ValueKind == JsonValueKind.Object ? UnknownResource.StringProperty(root, "kind") : null;
            reports.Add(apiVersion is not null && kind is not null && SchemaRegistry.TryGet(apiVersion, kind, out var schema)
                ? Run(root, schema, new ValidationContext(kind, document.SourceMap, fileName), Describe(root), document.DocumentIndex)
                : new ValidationReport([], Describe(root), document.DocumentIndex));
        }

        return reports;
    }

    private static List<ValidationError> NotAResource(JsonElement root, ResourceDocument document, string? fileName)
    {
        var problems = new List<ValidationError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationError(string.Empty, ValidationRules.Type, "expected a Kubernetes resource (an object with apiVersion and kind)", null, document.Start, fileName));
            return problems;
        }

        foreach (var property in (ReadOnlySpan<string>)["apiVersion", "kind"])
        {
            if (UnknownResource.StringProperty(root, property) is not { Length: > 0 })
            {
                var position = document.SourceMap.FindNearest(property) ?? document.Start;
                problems.Add(new ValidationError(property, ValidationRules.Required, property + " is required (a non-empty string)", null, position, fileName));
            }
        }

        return problems;
    }

    private static ValidationReport ValidateRegistered(JsonElement json)
    {
        var apiVersion = json.ValueKind == JsonValueKind.Object ? UnknownResource.StringProperty(json, "apiVersion") : null;
        var kind = json.ValueKind == JsonValueKind.Object ? UnknownResource.StringProperty(json, "kind") : null;
        return apiVersion is not null && kind is not null && SchemaRegistry.TryGet(apiVersion, kind, out var schema)
            ? Run(json, schema, new ValidationContext(kind, null, null), Describe(json), -1)
            : ValidationReport.Empty;
    }

    private static ValidationReport Run(JsonElement obj, CrdSchema schema, ValidationContext context, string subject, int documentIndex) =>
        Run(obj, schema.Root, context, subject, documentIndex);

    private static ValidationReport Run(JsonElement obj, SchemaNode schema, ValidationContext context, string subject, int documentIndex)
    {
        var root = JsonNode.Parse(obj.GetRawText(), documentOptions: ResourceJsonOptions.DocumentOptions);
        StructuralPruner.Prune(root, schema, string.Empty, context);
        new ValueChecker(context, new CelRuleRunner(context)).Check(root, schema, string.Empty, context.Errors, runCel: true);
        RouteRegexChecks.Check(root, context);
        // allOf parts that repeat a constraint (upstream CRDs do) would report the same problem twice.
        return new ValidationReport(context.Errors.Distinct().ToList(), subject, documentIndex);
    }

    private static string Describe(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return "<not an object>";
        }

        string? name = null;
        string? @namespace = null;
        if (obj.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            name = UnknownResource.StringProperty(metadata, "name");
            @namespace = UnknownResource.StringProperty(metadata, "namespace");
        }

        return (UnknownResource.StringProperty(obj, "kind") ?? "<no kind>") + " " + (@namespace is null ? string.Empty : @namespace + "/") + (name ?? "<unnamed>");
    }
}
