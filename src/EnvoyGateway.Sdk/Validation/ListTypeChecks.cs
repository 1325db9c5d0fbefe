using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary><c>x-kubernetes-list-type</c> map (unique keys) and set (unique items), and <c>uniqueItems</c>.</summary>
internal static class ListTypeChecks
{
    public static void Check(JsonArray array, SchemaNode schema, string path, ValidationContext context, List<ValidationError> sink)
    {
        if (schema.ListType == "map" && schema.ListMapKeys.Count > 0)
        {
            var seen = new Dictionary<string, int>();
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonObject item)
                {
                    continue;
                }

                var itemPath = JsonPath.Index(path, i);
                var key = string.Join(", ", schema.ListMapKeys.Select(name =>
                    name + "=" + (item.TryGetPropertyValue(name, out var value) ? (context.IsSecret(JsonPath.Property(itemPath, name)) ? "<redacted>" : JsonValues.Canonical(value)) : "<absent>")));
                if (seen.TryGetValue(key, out var first))
                {
                    context.Report(sink, itemPath, ValidationRules.ListMapKey, $"duplicate entry for key ({key}), already at index {first}", "(" + key + ")");
                }
                else
                {
                    seen[key] = i;
                }
            }
        }

        var set = schema.ListType == "set";
        if (set || schema.UniqueItems)
        {
            var seen = new Dictionary<string, int>();
            for (var i = 0; i < array.Count; i++)
            {
                var canonical = JsonValues.Canonical(array[i]);
                var itemPath = JsonPath.Index(path, i);
                if (seen.TryGetValue(canonical, out var first))
                {
                    context.Report(sink, itemPath, set ? ValidationRules.ListSet : ValidationRules.UniqueItems, $"duplicate value {context.Quote(itemPath, array[i])}, already at index {first}", context.Show(itemPath, array[i]));
                }
                else
                {
                    seen[canonical] = i;
                }
            }
        }
    }
}
