using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// The API server's first steps, in its order: unknown fields are pruned (reported as <c>unknownField</c>), <c>null</c>
/// values of non-nullable fields are pruned (reported as <c>nullable</c>), then <c>default</c>s are applied to absent
/// fields, recursively (a defaulted object gets its own defaults).
/// </summary>
internal static class StructuralPruner
{
    public static void Prune(JsonNode? node, SchemaNode schema, string path, ValidationContext context, bool report = true)
    {
        switch (node)
        {
            case JsonObject obj:
                PruneObject(obj, schema, path, context, report);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Prune(array[i], items, JsonPath.Index(path, i), context, report);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, SchemaNode schema, string path, ValidationContext context, bool report)
    {
        var isRoot = context.IsResourceRoot(path);
        foreach (var (key, child) in obj.ToList())
        {
            var childPath = JsonPath.Property(path, key);
            if (isRoot && key is "metadata" or "apiVersion" or "kind" && schema.Properties?.ContainsKey(key) != true)
            {
                continue;
            }

            if (isRoot && key == "metadata")
            {
                continue; // ObjectMeta is validated by the API server itself, not by the CRD schema.
            }

            var childSchema = schema.PropertySchema(key);
            if (childSchema is null)
            {
                if (schema.PreserveUnknownFields || schema.AdditionalPropertiesAllowed || schema.Type is null && schema.Properties is null)
                {
                    continue;
                }

                if (report)
                {
                    context.Report(context.Errors, childPath, ValidationRules.UnknownField, $"unknown field '{key}' (the API server prunes it)", context.Show(childPath, child), atKey: true);
                }

                obj.Remove(key);
                continue;
            }

            if (child is null)
            {
                if (!childSchema.Nullable)
                {
                    if (report)
                    {
                        context.Report(context.Errors, childPath, ValidationRules.Nullable, "null value for a field that is not nullable (the API server prunes it)", "null");
                    }

                    obj.Remove(key);
                }

                continue;
            }

            Prune(child, childSchema, childPath, context, report);
        }

        if (schema.Properties is null)
        {
            return;
        }

        foreach (var (name, property) in schema.Properties)
        {
            if (property.Default is { } value && !obj.ContainsKey(name))
            {
                var defaulted = JsonNode.Parse(value.GetRawText());
                obj[name] = defaulted;
                Prune(defaulted, property, JsonPath.Property(path, name), context, report: false);
            }
        }
    }
}
