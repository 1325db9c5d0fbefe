using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>Builds the immutable <see cref="SchemaNode"/> tree from an <c>openAPIV3Schema</c> JSON element.</summary>
internal static class SchemaNodeParser
{
    public static SchemaNode Parse(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("An OpenAPI v3 schema must be a JSON object.");
        }

        Dictionary<string, SchemaNode>? properties = null;
        var containsSecrets = false;
        if (schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            foreach (var property in props.EnumerateObject())
            {
                var child = Parse(property.Value);
                properties[property.Name] = child;
                containsSecrets |= child.ContainsSecretNames || SecretRedaction.IsSecretName(property.Name);
            }
        }

        SchemaNode? items = schema.TryGetProperty("items", out var itemsElement) && itemsElement.ValueKind == JsonValueKind.Object
            ? Parse(itemsElement)
            : null;
        SchemaNode? additional = null;
        var additionalAllowed = false;
        if (schema.TryGetProperty("additionalProperties", out var additionalElement))
        {
            if (additionalElement.ValueKind == JsonValueKind.Object)
            {
                additional = Parse(additionalElement);
            }
            else if (additionalElement.ValueKind == JsonValueKind.True)
            {
                additionalAllowed = true;
            }
        }

        containsSecrets |= (items?.ContainsSecretNames ?? false) || (additional?.ContainsSecretNames ?? false);

        return new SchemaNode
        {
            Type = String(schema, "type"),
            Nullable = Bool(schema, "nullable"),
            IntOrString = Bool(schema, "x-kubernetes-int-or-string"),
            PreserveUnknownFields = Bool(schema, "x-kubernetes-preserve-unknown-fields"),
            EmbeddedResource = Bool(schema, "x-kubernetes-embedded-resource"),
            Properties = properties,
            Items = items,
            AdditionalProperties = additional,
            AdditionalPropertiesAllowed = additionalAllowed,
            Required = StringList(schema, "required"),
            Default = schema.TryGetProperty("default", out var def) ? def.Clone() : null,
            Enum = schema.TryGetProperty("enum", out var en) && en.ValueKind == JsonValueKind.Array ? Clones(en) : null,
            Minimum = Number(schema, "minimum"),
            Maximum = Number(schema, "maximum"),
            ExclusiveMinimum = Bool(schema, "exclusiveMinimum"),
            ExclusiveMaximum = Bool(schema, "exclusiveMaximum"),
            MultipleOf = Number(schema, "multipleOf"),
            MinLength = Integer(schema, "minLength"),
            MaxLength = Integer(schema, "maxLength"),
            MinItems = Integer(schema, "minItems"),
            MaxItems = Integer(schema, "maxItems"),
            MinProperties = Integer(schema, "minProperties"),
            MaxProperties = Integer(schema, "maxProperties"),
            UniqueItems = Bool(schema, "uniqueItems"),
            Pattern = String(schema, "pattern"),
            Format = String(schema, "format"),
            ListType = String(schema, "x-kubernetes-list-type"),
            ListMapKeys = StringList(schema, "x-kubernetes-list-map-keys"),
            AllOf = SchemaList(schema, "allOf"),
            AnyOf = SchemaList(schema, "anyOf"),
            OneOf = SchemaList(schema, "oneOf"),
            Not = schema.TryGetProperty("not", out var not) && not.ValueKind == JsonValueKind.Object ? Parse(not) : null,
            Rules = Rules(schema),
            ContainsSecretNames = containsSecrets,
        };
    }

    private static List<CelRule> Rules(JsonElement schema)
    {
        var rules = new List<CelRule>();
        if (schema.TryGetProperty("x-kubernetes-validations", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (String(item, "rule") is { } rule)
                {
                    rules.Add(new CelRule(rule, String(item, "message"), String(item, "messageExpression"), String(item, "fieldPath"), String(item, "reason")));
                }
            }
        }

        return rules;
    }

    private static List<SchemaNode> SchemaList(JsonElement schema, string name)
    {
        var list = new List<SchemaNode>();
        if (schema.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                list.Add(Parse(item));
            }
        }

        return list;
    }

    private static List<JsonElement> Clones(JsonElement array)
    {
        var list = new List<JsonElement>();
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.Clone());
        }

        return list;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static decimal? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? (value.TryGetDecimal(out var d) ? d : (decimal)Math.Clamp(value.GetDouble(), (double)decimal.MinValue, (double)decimal.MaxValue))
            : null;

    private static long? Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var l) ? l : null;

    private static List<string> StringList(JsonElement element, string name)
    {
        var list = new List<string>();
        if (element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    list.Add(item.GetString()!);
                }
            }
        }

        return list;
    }

    /// <summary>Formats a decimal for messages.</summary>
    public static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
