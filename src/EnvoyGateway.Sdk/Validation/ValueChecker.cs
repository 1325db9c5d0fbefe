using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Checks a pruned and defaulted value against its schema: type, nullable, int-or-string, value constraints, list
/// types, required properties, allOf/anyOf/oneOf/not, then (post-order) the CEL rules of each node whose subtree has
/// no blocking error (type, required, enum, maxLength, maxItems, maxProperties: the errors for which the API server
/// does not run CEL).
/// </summary>
internal sealed class ValueChecker
{
    private readonly ValidationContext context;
    private readonly CelRuleRunner? cel;

    public ValueChecker(ValidationContext context, CelRuleRunner? cel)
    {
        this.context = context;
        this.cel = cel;
    }

    /// <summary>Checks <paramref name="node"/>; returns whether a blocking error was found in its subtree.</summary>
    public bool Check(JsonNode? node, SchemaNode schema, string path, List<ValidationError> sink, bool runCel)
    {
        if (node is null)
        {
            if (schema.Nullable || (schema.Type is null && !schema.IntOrString))
            {
                return false;
            }

            context.Report(sink, path, ValidationRules.Nullable, "null value for a field that is not nullable", "null");
            return true;
        }

        if (schema.IntOrString)
        {
            if (!JsonValues.IsIntegral(node) && !JsonValues.IsString(node, out _))
            {
                context.Report(sink, path, ValidationRules.IntOrString, $"expected an integer or a string, found {JsonValues.TypeName(node)}", context.Show(path, node));
                return true;
            }
        }
        else if (schema.Type is { } type && !JsonValues.HasType(node, type))
        {
            context.Report(sink, path, ValidationRules.Type, $"expected {type}, found {JsonValues.TypeName(node)}", context.Show(path, node));
            return true;
        }

        var blocking = ScalarChecks.Check(node, schema, path, context, sink);
        blocking |= node switch
        {
            JsonObject obj => CheckObject(obj, schema, path, sink, runCel),
            JsonArray array => CheckArray(array, schema, path, sink, runCel),
            _ => false,
        };
        blocking |= CheckComposition(node, schema, path, sink);

        if (!blocking && runCel && cel is not null && schema.Rules.Count > 0)
        {
            cel.Run(node, schema, path, sink);
        }

        return blocking;
    }

    private bool CheckObject(JsonObject obj, SchemaNode schema, string path, List<ValidationError> sink, bool runCel)
    {
        var blocking = false;
        if (schema.MinProperties is { } minProperties && obj.Count < minProperties)
        {
            context.Report(sink, path, ValidationRules.MinProperties, $"has {obj.Count} properties, fewer than the minimum {minProperties}", null);
        }

        if (schema.MaxProperties is { } maxProperties && obj.Count > maxProperties)
        {
            context.Report(sink, path, ValidationRules.MaxProperties, $"has {obj.Count} properties, more than the maximum {maxProperties}", null);
            blocking = true;
        }

        foreach (var name in schema.Required)
        {
            if (!obj.ContainsKey(name))
            {
                context.Report(sink, JsonPath.Property(path, name), ValidationRules.Required, $"required field '{name}' is missing", null);
                blocking = true;
            }
        }

        foreach (var (key, child) in obj)
        {
            if (key == "metadata" && context.IsResourceRoot(path))
            {
                continue;
            }

            if (schema.PropertySchema(key) is { } childSchema)
            {
                blocking |= Check(child, childSchema, JsonPath.Property(path, key), sink, runCel);
            }
        }

        return blocking;
    }

    private bool CheckArray(JsonArray array, SchemaNode schema, string path, List<ValidationError> sink, bool runCel)
    {
        var blocking = false;
        if (schema.MinItems is { } minItems && array.Count < minItems)
        {
            context.Report(sink, path, ValidationRules.MinItems, $"has {array.Count} items, fewer than the minimum {minItems}", null);
        }

        if (schema.MaxItems is { } maxItems && array.Count > maxItems)
        {
            context.Report(sink, path, ValidationRules.MaxItems, $"has {array.Count} items, more than the maximum {maxItems}", null);
            blocking = true;
        }

        ListTypeChecks.Check(array, schema, path, context, sink);

        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                blocking |= Check(array[i], items, JsonPath.Index(path, i), sink, runCel);
            }
        }

        return blocking;
    }

    private bool CheckComposition(JsonNode node, SchemaNode schema, string path, List<ValidationError> sink)
    {
        var blocking = false;
        foreach (var part in schema.AllOf)
        {
            blocking |= Check(node, part, path, sink, runCel: false);
        }

        if (schema.AnyOf.Count > 0)
        {
            var branches = schema.AnyOf.Select(part => Try(node, part, path)).ToList();
            if (!branches.Any(errors => errors.Count == 0))
            {
                sink.AddRange(Best(branches));
            }
        }

        if (schema.OneOf.Count > 0)
        {
            var branches = schema.OneOf.Select(part => Try(node, part, path)).ToList();
            var matches = branches.Count(errors => errors.Count == 0);
            if (matches == 0)
            {
                sink.AddRange(Best(branches));
            }
            else if (matches > 1)
            {
                context.Report(sink, path, ValidationRules.Composition, $"matches {matches} of the oneOf alternatives, must match exactly one", null);
            }
        }

        if (schema.Not is { } not && Try(node, not, path).Count == 0)
        {
            context.Report(sink, path, ValidationRules.Composition, "matches a schema it must not match (not)", context.Show(path, node));
        }

        return blocking;
    }

    private List<ValidationError> Try(JsonNode node, SchemaNode part, string path)
    {
        var errors = new List<ValidationError>();
        Check(node, part, path, errors, runCel: false);
        return errors;
    }

    /// <summary>The errors of the alternative that came closest: fewest errors, then the deepest path.</summary>
    private static List<ValidationError> Best(List<List<ValidationError>> branches) =>
        branches.OrderBy(errors => errors.Count).ThenByDescending(errors => errors.Max(e => e.Path.Length)).First();
}
