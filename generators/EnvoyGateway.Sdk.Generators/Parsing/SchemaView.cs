using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Generators.Parsing;

/// <summary>
/// The keywords of one OpenAPI v3 schema node, read in a single pass over its YAML mapping (no repeated key lookups).
/// </summary>
internal sealed class SchemaView
{
    private SchemaView(YamlNode node) => Node = node;

    /// <summary>The underlying node (for positions).</summary>
    public YamlNode Node { get; }

    /// <summary>Whether the node is a mapping (a real schema); <c>additionalProperties: true</c> is not.</summary>
    public bool IsMapping { get; private set; }

    /// <summary>The <c>type</c>.</summary>
    public string? Type { get; private set; }

    /// <summary>The <c>format</c>.</summary>
    public string? Format { get; private set; }

    /// <summary>The <c>pattern</c>.</summary>
    public string? Pattern { get; private set; }

    /// <summary>The <c>description</c>.</summary>
    public string? Description { get; private set; }

    /// <summary>The <c>properties</c> mapping.</summary>
    public YamlMappingNode? Properties { get; private set; }

    /// <summary>The <c>items</c> schema.</summary>
    public YamlNode? Items { get; private set; }

    /// <summary>The <c>additionalProperties</c> schema or boolean.</summary>
    public YamlNode? AdditionalProperties { get; private set; }

    /// <summary>The <c>required</c> list.</summary>
    public YamlSequenceNode? Required { get; private set; }

    /// <summary>The <c>enum</c> list.</summary>
    public YamlSequenceNode? Enum { get; private set; }

    /// <summary>The <c>allOf</c> list.</summary>
    public YamlSequenceNode? AllOf { get; private set; }

    /// <summary>The <c>anyOf</c> list.</summary>
    public YamlSequenceNode? AnyOf { get; private set; }

    /// <summary>The <c>oneOf</c> list.</summary>
    public YamlSequenceNode? OneOf { get; private set; }

    /// <summary>The <c>not</c> schema.</summary>
    public YamlNode? Not { get; private set; }

    /// <summary>The <c>$ref</c>, which CRDs may not use.</summary>
    public string? Ref { get; private set; }

    /// <summary><c>x-kubernetes-int-or-string: true</c>.</summary>
    public bool IntOrString { get; private set; }

    /// <summary><c>x-kubernetes-preserve-unknown-fields: true</c>.</summary>
    public bool PreserveUnknownFields { get; private set; }

    /// <summary><c>x-kubernetes-embedded-resource: true</c>.</summary>
    public bool EmbeddedResource { get; private set; }

    /// <summary>The <c>x-kubernetes-validations</c> list.</summary>
    public YamlSequenceNode? Validations { get; private set; }

    /// <summary>The <c>minimum</c>.</summary>
    public string? Minimum { get; private set; }

    /// <summary>The <c>maximum</c>.</summary>
    public string? Maximum { get; private set; }

    /// <summary>The <c>exclusiveMinimum</c>.</summary>
    public bool ExclusiveMinimum { get; private set; }

    /// <summary>The <c>exclusiveMaximum</c>.</summary>
    public bool ExclusiveMaximum { get; private set; }

    /// <summary>The <c>multipleOf</c>.</summary>
    public string? MultipleOf { get; private set; }

    /// <summary>The <c>minLength</c>.</summary>
    public string? MinLength { get; private set; }

    /// <summary>The <c>maxLength</c>.</summary>
    public string? MaxLength { get; private set; }

    /// <summary>The <c>minItems</c>.</summary>
    public string? MinItems { get; private set; }

    /// <summary>The <c>maxItems</c>.</summary>
    public string? MaxItems { get; private set; }

    /// <summary>The <c>uniqueItems</c>.</summary>
    public bool UniqueItems { get; private set; }

    /// <summary>The <c>minProperties</c>.</summary>
    public string? MinProperties { get; private set; }

    /// <summary>The <c>maxProperties</c>.</summary>
    public string? MaxProperties { get; private set; }

    /// <summary>The <c>nullable</c>.</summary>
    public bool Nullable { get; private set; }

    /// <summary>The <c>x-kubernetes-list-type</c>.</summary>
    public string? ListType { get; private set; }

    /// <summary>The <c>x-kubernetes-list-map-keys</c>.</summary>
    public YamlSequenceNode? ListMapKeys { get; private set; }

    /// <summary>The <c>x-kubernetes-map-type</c>.</summary>
    public string? MapType { get; private set; }

    /// <summary>Keywords that change the shape of the value (not mere constraints), used to judge composition branches.</summary>
    public bool HasShapeKeywords => Type is not null || Properties is not null || Items is not null || AdditionalProperties is not null
        || Ref is not null || IntOrString || PreserveUnknownFields || EmbeddedResource;

    /// <summary>Reads a schema node.</summary>
    public static SchemaView Read(YamlNode node)
    {
        var view = new SchemaView(node);
        if (node is not YamlMappingNode mapping)
        {
            return view;
        }

        view.IsMapping = true;
        foreach (var pair in mapping.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            YamlNode value = pair.Value;
            switch (key)
            {
                case "type": view.Type = Scalar(value); break;
                case "format": view.Format = Scalar(value); break;
                case "pattern": view.Pattern = Scalar(value); break;
                case "description": view.Description = Scalar(value); break;
                case "properties": view.Properties = value as YamlMappingNode; break;
                case "items": view.Items = value; break;
                case "additionalProperties": view.AdditionalProperties = IsFalse(value) ? null : value; break;
                case "required": view.Required = value as YamlSequenceNode; break;
                case "enum": view.Enum = value as YamlSequenceNode; break;
                case "allOf": view.AllOf = value as YamlSequenceNode; break;
                case "anyOf": view.AnyOf = value as YamlSequenceNode; break;
                case "oneOf": view.OneOf = value as YamlSequenceNode; break;
                case "not": view.Not = value; break;
                case "$ref": view.Ref = Scalar(value) ?? string.Empty; break;
                case "x-kubernetes-int-or-string": view.IntOrString = IsTrue(value); break;
                case "x-kubernetes-preserve-unknown-fields": view.PreserveUnknownFields = IsTrue(value); break;
                case "x-kubernetes-embedded-resource": view.EmbeddedResource = IsTrue(value); break;
                case "x-kubernetes-validations": view.Validations = value as YamlSequenceNode; break;
                case "x-kubernetes-list-type": view.ListType = Scalar(value); break;
                case "x-kubernetes-list-map-keys": view.ListMapKeys = value as YamlSequenceNode; break;
                case "x-kubernetes-map-type": view.MapType = Scalar(value); break;
                case "minimum": view.Minimum = Scalar(value); break;
                case "maximum": view.Maximum = Scalar(value); break;
                case "exclusiveMinimum": view.ExclusiveMinimum = IsTrue(value); break;
                case "exclusiveMaximum": view.ExclusiveMaximum = IsTrue(value); break;
                case "multipleOf": view.MultipleOf = Scalar(value); break;
                case "minLength": view.MinLength = Scalar(value); break;
                case "maxLength": view.MaxLength = Scalar(value); break;
                case "minItems": view.MinItems = Scalar(value); break;
                case "maxItems": view.MaxItems = Scalar(value); break;
                case "uniqueItems": view.UniqueItems = IsTrue(value); break;
                case "minProperties": view.MinProperties = Scalar(value); break;
                case "maxProperties": view.MaxProperties = Scalar(value); break;
                case "nullable": view.Nullable = IsTrue(value); break;
                default: break;
            }
        }

        return view;
    }

    /// <summary>The text of a scalar node, or <see langword="null"/> for any other node.</summary>
    public static string? Scalar(YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    private static bool IsTrue(YamlNode node) => node is YamlScalarNode { Value: "true" or "True" or "TRUE" };

    private static bool IsFalse(YamlNode node) => node is YamlScalarNode { Value: "false" or "False" or "FALSE" };
}
