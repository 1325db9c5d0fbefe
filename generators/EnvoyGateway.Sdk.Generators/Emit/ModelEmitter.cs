using EnvoyGateway.Sdk.Generators.Model;

namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>Emits the model classes (kind class + one class per object schema) of one CRD version.</summary>
internal static class ModelEmitter
{
    private const string JsonPropertyName = "[global::System.Text.Json.Serialization.JsonPropertyName(";
    private const string YamlMember = "[global::YamlDotNet.Serialization.YamlMember(Alias = ";
    private const string ObjectMeta = "global::k8s.Models.V1ObjectMeta";
    private const string ValidationReport = CSharp.Validation + "ValidationReport";

    /// <summary>Returns the source text of <c>{Group}.{Version}.{Kind}.g.cs</c>.</summary>
    public static string Emit(CrdVersionModel model)
    {
        var writer = new SourceWriter(16384 + (model.Objects.Count * 2048));
        writer.Line(CSharp.Header.TrimEnd('\n')).Blank();
        writer.Line("namespace ", model.Namespace).Open();
        WriteKind(writer, model);
        foreach (ObjectTypeModel type in model.Objects)
        {
            writer.Blank();
            WriteObject(writer, type, model);
        }

        writer.Close();
        return writer.ToString();
    }

    private static void WriteKind(SourceWriter writer, CrdVersionModel model)
    {
        ObjectTypeModel root = model.Root;
        string ns = model.Namespace;
        PropertyModel? spec = Find(root, "spec", "Spec");
        PropertyModel? status = Find(root, "status", "Status");
        string interfaces = "global::k8s.IKubernetesObject<" + ObjectMeta + ">";
        if (spec is not null)
        {
            interfaces += ", global::k8s.Models.ISpec<" + CSharp.PropertyTypeName(spec, ns) + ">";
        }

        if (status is not null)
        {
            interfaces += ", global::k8s.Models.IStatus<" + CSharp.PropertyTypeName(status, ns) + ">";
        }

        DocComments.Summary(writer, root.Description, "The " + DocComments.Code(model.Group + "/" + model.Version) + " " + DocComments.Code(model.Kind) + " resource.");
        writer.Line(
            "[global::k8s.Models.KubernetesEntity(Group = ",
            CSharp.Literal(model.Group),
            ", ApiVersion = " + CSharp.Literal(model.Version),
            ", Kind = " + CSharp.Literal(model.Kind),
            ", PluralName = " + CSharp.Literal(model.Plural),
            ")]");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line("public sealed partial class ", root.Name, " : ", interfaces).Open();

        Constant(writer, "KubeGroup", model.Group, "The API group.");
        Constant(writer, "KubeApiVersion", model.Version, "The API version (without group).");
        Constant(writer, "KubeKind", model.Kind, "The kind.");
        Constant(writer, "KubePluralName", model.Plural, "The plural resource name.");
        Constant(writer, "ApiVersionString", model.Group + "/" + model.Version, "The full <c>apiVersion</c> value (<c>group/version</c>).");

        DocComments.Short(writer, "The <c>apiVersion</c> of the resource; defaults to <see cref=\"ApiVersionString\"/>.");
        WireAttributes(writer, "apiVersion");
        writer.Line("public string ApiVersion { get; set; } = ApiVersionString;").Blank();

        DocComments.Short(writer, "The <c>kind</c> of the resource; defaults to <see cref=\"KubeKind\"/>.");
        WireAttributes(writer, "kind");
        writer.Line("public string Kind { get; set; } = KubeKind;").Blank();

        DocComments.Short(writer, "Standard object metadata (name, namespace, labels, annotations, ...).");
        WireAttributes(writer, "metadata");
        writer.Line("public ", ObjectMeta, " Metadata { get; set; } = default!;").Blank();

        WriteProperties(writer, root, ns);
        writer.Blank();
        WriteKindValidate(writer, model);
        writer.Close();
    }

    private static void WriteObject(SourceWriter writer, ObjectTypeModel type, CrdVersionModel model)
    {
        DocComments.Summary(writer, type.Description, "The " + DocComments.Code(type.Path) + " object.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line("public sealed partial class ", type.Name).Open();
        WriteProperties(writer, type, model.Namespace);
        writer.Blank();
        WriteNodeValidate(writer, type, model);
        writer.Close();
    }

    private static void WriteKindValidate(SourceWriter writer, CrdVersionModel model)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Validates this resource against the <c>openAPIV3Schema</c> of ", DocComments.Code(model.ApiVersion), " ", DocComments.Code(model.Kind), " as the");
        writer.Line("/// API server would on create: unknown fields, types, formats, bounds, list types, defaults and the");
        writer.Line("/// <c>x-kubernetes-validations</c> CEL rules (see <see cref=\"", CSharp.Validation, "ResourceValidator\"/>).");
        writer.Line("/// </summary>");
        writer.Line("/// <returns>Every problem found, with JSON paths from the resource root; empty when valid.</returns>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line("public ", ValidationReport, " Validate() => ", CSharp.Validation, "ResourceValidator.Validate(this);");
    }

    private static void WriteNodeValidate(SourceWriter writer, ObjectTypeModel type, CrdVersionModel model)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Validates this object on its own against its schema, ", DocComments.Code(type.Path), " of ", DocComments.Code(model.ApiVersion) + " " + DocComments.Code(model.Kind) + ":");
        writer.Line("/// unknown fields, types, formats, bounds, list types, defaults and the <c>x-kubernetes-validations</c> CEL rules");
        writer.Line("/// of this object and everything below it. Rules of enclosing objects are not checked.");
        writer.Line("/// </summary>");
        writer.Line("/// <returns>Every problem found, with JSON paths relative to this object; empty when valid.</returns>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line("public ", ValidationReport, " Validate() =>");
        writer.Line("    ", CSharp.Validation, "ResourceValidator.ValidateNode(this, typeof(", model.QualifiedKindType, "), " + CSharp.Literal(type.SchemaPointer) + ");");
    }

    private static void WriteProperties(SourceWriter writer, ObjectTypeModel type, string ns)
    {
        foreach (PropertyModel property in type.Properties)
        {
            DocComments.Summary(writer, property.Description, "The " + DocComments.Code(property.WireName) + " field.");
            WireAttributes(writer, property.WireName);
            string initializer = property.Required && !property.Type.IsValueType ? " = default!;" : string.Empty;
            writer.Line("public ", CSharp.PropertyTypeName(property, ns), " ", property.Name, " { get; set; }", initializer);
            writer.Blank();
        }

        writer.Line("/// <summary>");
        writer.Line("/// Fields the schema does not describe, kept so that documents round-trip without loss.");
        writer.Line("/// </summary>");
        writer.Line("[global::System.Text.Json.Serialization.JsonExtensionData]");
        writer.Line("[global::YamlDotNet.Serialization.YamlIgnore]");
        writer.Line("public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; set; }");
    }

    private static void WireAttributes(SourceWriter writer, string wireName)
    {
        string literal = CSharp.Literal(wireName);
        writer.Line(JsonPropertyName, literal, ")]");
        writer.Line(YamlMember, literal, ", ApplyNamingConventions = false)]");
    }

    private static void Constant(SourceWriter writer, string name, string value, string doc)
    {
        DocComments.Short(writer, doc);
        writer.Line("public const string ", name, " = ", CSharp.Literal(value), ";").Blank();
    }

    /// <summary>Finds the property that implements <c>ISpec</c>/<c>IStatus</c> (it must keep its natural name).</summary>
    private static PropertyModel? Find(ObjectTypeModel type, string wireName, string name)
    {
        foreach (PropertyModel property in type.Properties)
        {
            if (property.WireName == wireName && property.Name == name)
            {
                return property;
            }
        }

        return null;
    }
}
