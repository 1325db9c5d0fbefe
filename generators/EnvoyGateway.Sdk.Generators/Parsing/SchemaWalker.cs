using System;
using System.Collections.Generic;
using EnvoyGateway.Sdk.Generators.Diagnostics;
using EnvoyGateway.Sdk.Generators.Model;
using EnvoyGateway.Sdk.Generators.Naming;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Generators.Parsing;

/// <summary>
/// Walks the <c>openAPIV3Schema</c> of one CRD version depth-first (pre-order, schema key order) and produces the
/// object and enum types. Names are claimed in that order, so they are a pure function of the schema.
/// </summary>
internal sealed class SchemaWalker
{
    /// <summary>Members every generated class has or inherits; properties may not take these names.</summary>
    private static readonly string[] ObjectMembers =
    {
        "AdditionalProperties", "Build", "Validate", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>Extra members of the kind class and its builder.</summary>
    private static readonly string[] RootMembers =
    {
        "ApiVersion", "Kind", "Metadata", "KubeGroup", "KubeApiVersion", "KubeKind", "KubePluralName", "ApiVersionString", "Labels", "Annotations",
    };

    /// <summary>Members inherited from <c>StringEnum&lt;T&gt;</c> and <see cref="object"/>.</summary>
    private static readonly string[] EnumMembers =
    {
        "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    private readonly string _filePath;
    private readonly string _context;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly NameScope _types = new();
    private readonly List<ObjectTypeModel?> _objects = new();
    private readonly List<EnumTypeModel> _enums = new();

    /// <summary>Creates a walker for one CRD version.</summary>
    /// <param name="filePath">The CRD file (diagnostic location).</param>
    /// <param name="context">A short description such as <c>BackendTrafficPolicy v1alpha1</c> for messages.</param>
    /// <param name="diagnostics">Receives diagnostics.</param>
    public SchemaWalker(string filePath, string context, List<DiagnosticInfo> diagnostics)
    {
        _filePath = filePath;
        _context = context;
        _diagnostics = diagnostics;
    }

    /// <summary>The object classes other than the root, in path order.</summary>
    public EquatableArray<ObjectTypeModel> Objects
    {
        get
        {
            var result = new ObjectTypeModel[_objects.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = _objects[i] ?? throw new InvalidOperationException("Object type slot was not filled.");
            }

            return new EquatableArray<ObjectTypeModel>(result);
        }
    }

    /// <summary>The enum classes in path order.</summary>
    public EquatableArray<EnumTypeModel> Enums => EquatableArray<EnumTypeModel>.From(_enums);

    /// <summary>Walks the root schema of a kind; <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> are fixed members.</summary>
    public ObjectTypeModel WalkRoot(YamlNode schema, string kind)
    {
        var view = SchemaView.Read(schema);
        string name = ClaimType(Identifier.Pascal(kind, "Resource"), kind, view.Node);
        var members = new NameScope(ObjectMembers);
        foreach (string member in RootMembers)
        {
            members.Reserve(member);
        }

        var properties = ReadProperties(view, name, string.Empty, string.Empty, members, isRoot: true);
        return new ObjectTypeModel(name, string.Empty, string.Empty, view.Description, properties, ConstraintReader.Read(view));
    }

    private EquatableArray<PropertyModel> ReadProperties(SchemaView view, string owner, string ownerPath, string ownerPointer, NameScope members, bool isRoot)
    {
        if (view.Properties is null || view.Properties.Children.Count == 0)
        {
            return EquatableArray<PropertyModel>.Empty;
        }

        members.Reserve(owner);
        members.Reserve(owner + "Builder");
        var required = new HashSet<string>(ConstraintReader.Scalars(view.Required), StringComparer.Ordinal);
        var properties = new List<PropertyModel>(view.Properties.Children.Count);
        foreach (var pair in view.Properties.Children)
        {
            if (SchemaView.Scalar(pair.Key) is not { } wireName)
            {
                continue;
            }

            if (isRoot && wireName is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            string path = ownerPath.Length == 0 ? wireName : ownerPath + "." + wireName;
            string pascal = Identifier.Pascal(wireName, "Property");
            var propertyView = SchemaView.Read(pair.Value);
            string pointer = ownerPointer + "/properties/" + PointerToken(wireName);
            TypeRef type = MapType(propertyView, owner + pascal, path, pointer, out SchemaView? elementView);
            string name = ClaimMember(members, pascal, type.Kind == TypeRefKind.List ? "Add" : null, path, pair.Key);
            properties.Add(new PropertyModel(
                name,
                wireName,
                propertyView.Description,
                type,
                required.Contains(wireName),
                ConstraintReader.Read(propertyView),
                elementView is null ? null : ConstraintReader.Read(elementView),
                ItemAdder: null));
        }

        NameItemAdders(properties, members, ownerPath, view.Properties);
        return EquatableArray<PropertyModel>.From(properties);
    }

    // Runs after every property name (and every list's Add + Name) is claimed, so a singular adder never takes a name
    // that a later property needs; a singular that is taken falls back to Add + Name, which is always free.
    private void NameItemAdders(List<PropertyModel> properties, NameScope members, string ownerPath, YamlMappingNode schemaProperties)
    {
        for (int i = 0; i < properties.Count; i++)
        {
            PropertyModel property = properties[i];
            if (property.Type.Kind != TypeRefKind.List)
            {
                continue;
            }

            string singular = Singular.Of(property.Name);
            string adder = property.ItemsAdder;
            if (!string.Equals(singular, property.Name, StringComparison.Ordinal))
            {
                string candidate = "Add" + singular;
                if (members.TryClaim(candidate))
                {
                    adder = candidate;
                }
                else
                {
                    string path = ownerPath.Length == 0 ? property.WireName : ownerPath + "." + property.WireName;
                    ReportRename(candidate, adder, path, KeyNode(schemaProperties, property.WireName));
                }
            }

            properties[i] = property with { ItemAdder = adder };
        }
    }

    private static YamlNode KeyNode(YamlMappingNode properties, string wireName)
    {
        foreach (var pair in properties.Children)
        {
            if (SchemaView.Scalar(pair.Key) == wireName)
            {
                return pair.Key;
            }
        }

        return properties;
    }

    private TypeRef MapType(SchemaView view, string nameStem, string path, string pointer, out SchemaView? elementView)
    {
        elementView = null;
        if (!view.IsMapping)
        {
            return TypeRef.RawJson;
        }

        if (view.Ref is not null)
        {
            return Unsupported(view, path, "$ref");
        }

        if (ShapeRules.IsIntOrString(view))
        {
            return ShapeRules.HasQuantityPattern(view) ? TypeRef.Quantity : TypeRef.IntOrString;
        }

        if (ShapeRules.FindShapeChangingComposition(view) is { } composition)
        {
            return Unsupported(view, path, composition);
        }

        if (view.PreserveUnknownFields && view.Properties is null && view.Type is null or "object")
        {
            return TypeRef.RawJson;
        }

        switch (view.Type)
        {
            case null when view.Properties is not null:
            case "object" when view.Properties is not null || view.AdditionalProperties is null:
                return ObjectType(view, nameStem, path, pointer);
            case "object":
                elementView = SchemaView.Read(view.AdditionalProperties!);
                return new TypeRef(TypeRefKind.Map, Element: MapType(elementView, nameStem + "Value", path + "{*}", pointer + "/additionalProperties", out _));
            case null when view.Items is not null:
            case "array":
                if (view.Items is null)
                {
                    return new TypeRef(TypeRefKind.List, Element: TypeRef.RawJson);
                }

                elementView = SchemaView.Read(view.Items);
                return new TypeRef(TypeRefKind.List, Element: MapType(elementView, nameStem + "Item", path + "[*]", pointer + "/items", out _));
            case null:
                return TypeRef.RawJson;
            case "string":
                return StringType(view, nameStem, path);
            case "integer":
                return view.Format == "int32" ? TypeRef.Int32 : TypeRef.Int64;
            case "number":
                return TypeRef.Double;
            case "boolean":
                return TypeRef.Boolean;
            default:
                return Unsupported(view, path, "type '" + view.Type + "'");
        }
    }

    private TypeRef StringType(SchemaView view, string nameStem, string path)
    {
        List<string>? values = view.Enum is not null
            ? new List<string>(ConstraintReader.Scalars(view.Enum))
            : ShapeRules.AllOfEnumIntersection(view);
        if (values is { Count: > 0 })
        {
            return EnumType(values, view, nameStem, path);
        }

        return ShapeRules.IsDuration(view) ? TypeRef.Duration : TypeRef.String;
    }

    private TypeRef ObjectType(SchemaView view, string nameStem, string path, string pointer)
    {
        string name = ClaimType(nameStem, path, view.Node);
        int slot = _objects.Count;
        _objects.Add(null);
        var properties = ReadProperties(view, name, path, pointer, new NameScope(ObjectMembers), isRoot: false);
        _objects[slot] = new ObjectTypeModel(name, path, pointer, view.Description, properties, ConstraintReader.Read(view));
        return new TypeRef(TypeRefKind.Object, name);
    }

    private TypeRef EnumType(List<string> values, SchemaView view, string nameStem, string path)
    {
        string name = ClaimType(nameStem, path, view.Node);
        var members = new NameScope(EnumMembers);
        members.Reserve(name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<EnumMemberModel>(values.Count);
        foreach (string value in values)
        {
            if (!seen.Add(value))
            {
                continue;
            }

            string candidate = Identifier.Pascal(value, value.Length == 0 ? "Empty" : "Symbol");
            result.Add(new EnumMemberModel(ClaimMember(members, candidate, null, path + "=" + value, view.Node), value));
        }

        _enums.Add(new EnumTypeModel(name, path, view.Description, EquatableArray<EnumMemberModel>.From(result)));
        return new TypeRef(TypeRefKind.Enum, name);
    }

    private TypeRef Unsupported(SchemaView view, string path, string construct)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSchema, _filePath, Span(view.Node), path, _context, construct));
        return TypeRef.RawJson;
    }

    private string ClaimType(string candidate, string path, YamlNode node)
    {
        string name = _types.Claim(candidate, "Builder");
        ReportRename(candidate, name, path, node);
        return name;
    }

    private string ClaimMember(NameScope members, string candidate, string? companionPrefix, string path, YamlNode node)
    {
        string name = members.Claim(candidate, companionPrefix: companionPrefix);
        ReportRename(candidate, name, path, node);
        return name;
    }

    private void ReportRename(string candidate, string name, string path, YamlNode node)
    {
        if (!string.Equals(candidate, name, StringComparison.Ordinal))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, _filePath, Span(node), candidate, path, _context, name));
        }
    }

    /// <summary>Escapes a property name as a JSON Pointer reference token (RFC 6901: <c>~</c> -> <c>~0</c>, <c>/</c> -> <c>~1</c>).</summary>
    internal static string PointerToken(string name) =>
        name.IndexOf('~') < 0 && name.IndexOf('/') < 0 ? name : name.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The source span of a YAML node.</summary>
    public static SourceSpan Span(YamlNode node)
    {
        int start = SourceSpan.Clamp(node.Start.Index);
        int end = Math.Max(start, SourceSpan.Clamp(node.End.Index));
        return new SourceSpan(
            start,
            end - start,
            SourceSpan.Clamp(node.Start.Line - 1),
            SourceSpan.Clamp(node.Start.Column - 1),
            SourceSpan.Clamp(node.End.Line - 1),
            SourceSpan.Clamp(node.End.Column - 1));
    }
}
