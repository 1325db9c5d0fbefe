using EnvoyGateway.Sdk.Generators.Model;

namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>
/// Emits the fluent builders of one CRD version: one <c>XBuilder</c> per object class plus the kind's static
/// <c>Build(name, namespace)</c> entry point. <c>Build()</c> copies collections, so builders can be reused.
/// </summary>
internal static class BuilderEmitter
{
    private const string ObjectMeta = "global::k8s.Models.V1ObjectMeta";
    private const string StringMap = "global::System.Collections.Generic.Dictionary<string, string>";
    private const string Returns = "/// <returns>This builder.</returns>";

    /// <summary>Returns the source text of <c>{Group}.{Version}.{Kind}.Builders.g.cs</c>.</summary>
    public static string Emit(CrdVersionModel model)
    {
        var writer = new SourceWriter(16384 + (model.Objects.Count * 4096));
        writer.Line(CSharp.Header.TrimEnd('\n')).Blank();
        writer.Line("namespace ", model.Namespace).Open();
        WriteKindEntryPoint(writer, model);
        writer.Blank();
        WriteBuilder(writer, model.Root, model.Namespace, isRoot: true);
        foreach (ObjectTypeModel type in model.Objects)
        {
            writer.Blank();
            WriteBuilder(writer, type, model.Namespace, isRoot: false);
        }

        writer.Close();
        return writer.ToString();
    }

    private static void WriteKindEntryPoint(SourceWriter writer, CrdVersionModel model)
    {
        string name = model.Root.Name;
        string builder = "global::" + model.Namespace + "." + name + "Builder";
        writer.Line("public sealed partial class ", name).Open();
        writer.Line("/// <summary>Starts a fluent builder for a <see cref=\"", name, "\"/> with the given name and namespace.</summary>");
        writer.Line("/// <param name=\"name\">The resource name (<c>metadata.name</c>).</param>");
        writer.Line("/// <param name=\"namespace\">The namespace (<c>metadata.namespace</c>), or <see langword=\"null\"/>.</param>");
        writer.Line("/// <returns>A new builder.</returns>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line("public static ", builder, " Build(string name, string? @namespace = null) =>");
        writer.Line("    new ", builder, "().Metadata(new ", ObjectMeta, " { Name = name, NamespaceProperty = @namespace });");
        writer.Close();
    }

    private static void WriteBuilder(SourceWriter writer, ObjectTypeModel type, string ns, bool isRoot)
    {
        string builder = "global::" + ns + "." + type.Name + "Builder";
        writer.Line("/// <summary>Fluent builder for <see cref=\"", type.Name, "\"/>.</summary>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line("public sealed partial class ", type.Name, "Builder").Open();
        if (isRoot)
        {
            writer.Line("private ", ObjectMeta, "? _metadata;");
        }

        foreach (PropertyModel property in type.Properties)
        {
            writer.Line("private ", FieldType(property.Type, ns), "? ", CSharp.FieldName(property.Name) + ";");
        }

        if (isRoot)
        {
            writer.Blank();
            WriteMetadataMethods(writer, builder);
        }

        foreach (PropertyModel property in type.Properties)
        {
            writer.Blank();
            WritePropertyMethods(writer, builder, type.Name, property, ns);
        }

        writer.Blank();
        WriteBuild(writer, type, ns, isRoot);
        writer.Close();
    }

    private static void WriteMetadataMethods(SourceWriter writer, string builder)
    {
        writer.Line("/// <summary>Sets the metadata (copied; later <c>Labels</c>/<c>Annotations</c> calls add to the copy).</summary>");
        writer.Line("/// <param name=\"value\">The metadata.</param>");
        writer.Line(Returns);
        writer.Line("public ", builder, " Metadata(", ObjectMeta, " value)").Open();
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Line("_metadata = CopyMetadata(value);");
        writer.Line("return this;").Close().Blank();

        foreach (string map in new[] { "Labels", "Annotations" })
        {
            writer.Line("/// <summary>Adds or replaces an entry of <c>metadata.", map == "Labels" ? "labels" : "annotations", "</c>.</summary>");
            writer.Line("/// <param name=\"key\">The key.</param>");
            writer.Line("/// <param name=\"value\">The value.</param>");
            writer.Line(Returns);
            writer.Line("public ", builder, " ", map, "(string key, string value)").Open();
            writer.Line("_metadata ??= new ", ObjectMeta, "();");
            writer.Line("(_metadata.", map, " ??= new " + StringMap + "())[key] = value;");
            writer.Line("return this;").Close().Blank();
        }

        writer.Line("private static ", ObjectMeta, " CopyMetadata(", ObjectMeta, " value) => value with").Open();
        writer.Line("Labels = value.Labels is null ? null : new ", StringMap, "(value.Labels),");
        writer.Line("Annotations = value.Annotations is null ? null : new ", StringMap, "(value.Annotations),");
        writer.Line("Finalizers = value.Finalizers is null ? null : new global::System.Collections.Generic.List<string>(value.Finalizers),");
        writer.Close(";");
    }

    private static void WritePropertyMethods(SourceWriter writer, string builder, string owner, PropertyModel property, string ns)
    {
        string name = property.Name;
        string field = CSharp.FieldName(name);
        string see = "<see cref=\"" + owner + "." + name + "\"/>";
        TypeRef type = property.Type;
        if (type.Kind == TypeRefKind.List)
        {
            WriteListMethods(writer, builder, property, ns, see);
            return;
        }

        if (type.Kind == TypeRefKind.Map)
        {
            WriteMapMethods(writer, builder, property, ns, see);
            return;
        }

        string typeName = CSharp.TypeName(type, ns);
        Method(writer, builder, "Sets " + see, name, typeName + " value", Value, field + " = value;");
        switch (type.Kind)
        {
            case TypeRefKind.Object:
                writer.Blank();
                Method(writer, builder, "Sets " + see + " to an object configured on a new builder", name, "global::System.Action<" + typeName + "Builder> configure", Configure, ConfigureBody(typeName, field + " = builder.Build();"));
                break;
            case TypeRefKind.Enum:
                writer.Blank();
                Method(writer, builder, "Sets " + see + " from a wire value, known or not", name, "string value", Value, field + " = new " + typeName + "(value);");
                break;
            case TypeRefKind.Duration:
                writer.Blank();
                Method(writer, builder, "Sets " + see + " from a time span", name, "global::System.TimeSpan value", Value, field + " = " + CSharp.Runtime + "GatewayDuration.FromTimeSpan(value);");
                break;
        }
    }

    // Xs(items) replaces the list, AddX(item) adds one item (the singular name from the model), and lists of values
    // (not objects, lists or maps) also get AddXs(params items) to add several at once.
    private static void WriteListMethods(SourceWriter writer, string builder, PropertyModel property, string ns, string see)
    {
        string name = property.Name;
        string field = CSharp.FieldName(name);
        TypeRef element = property.Type.Element!;
        string elementName = CSharp.TypeName(element, ns);
        string list = "global::System.Collections.Generic.List<" + elementName + ">";
        string target = "(" + field + " ??= new " + list + "())";
        string add = target + ".Add(";
        string adder = property.ItemAdder!;
        string marker = "[" + CSharp.Runtime + "ListItemAdder(" + CSharp.Literal(name) + ")]";
        Method(writer, builder, "Sets " + see + " (the items are copied)", name, "global::System.Collections.Generic.IEnumerable<" + elementName + "> items", Items, field + " = new " + list + "(items);");
        writer.Blank();
        AttributedMethod(writer, builder, "Adds one item to " + see, adder, elementName + " item", Item, marker, add + "item);");
        switch (element.Kind)
        {
            case TypeRefKind.Object:
                writer.Blank();
                AttributedMethod(writer, builder, "Adds one item, configured on a new builder, to " + see, adder, "global::System.Action<" + elementName + "Builder> configure", Configure, marker, ConfigureBody(elementName, add + "builder.Build());"));
                return;
            case TypeRefKind.Enum:
                writer.Blank();
                AttributedMethod(writer, builder, "Adds one wire value, known or not, to " + see, adder, "string item", Item, marker, add + "new " + elementName + "(item));");
                break;
            case TypeRefKind.List:
            case TypeRefKind.Map:
                return;
        }

        string checkItems = "global::System.ArgumentNullException.ThrowIfNull(items);";
        writer.Blank();
        Method(writer, builder, "Adds several items to " + see, property.ItemsAdder, "params " + elementName + "[] items", Items, checkItems, target + ".AddRange(items);");
        if (element.Kind == TypeRefKind.Enum)
        {
            writer.Blank();
            Method(writer, builder, "Adds several wire values, known or not, to " + see, property.ItemsAdder, "params string[] items", Items, checkItems, target + ".AddRange(global::System.Array.ConvertAll(items, item => new " + elementName + "(item)));");
        }
    }

    private static void WriteMapMethods(SourceWriter writer, string builder, PropertyModel property, string ns, string see)
    {
        string name = property.Name;
        string field = CSharp.FieldName(name);
        TypeRef element = property.Type.Element!;
        string elementName = CSharp.TypeName(element, ns);
        string map = "global::System.Collections.Generic.Dictionary<string, " + elementName + ">";
        string entry = "(" + field + " ??= new " + map + "())[key] = ";
        Method(writer, builder, "Sets " + see + " (the entries are copied)", name, CSharp.IDictionary + elementName + "> entries", Entries, field + " = new " + map + "(entries);");
        writer.Blank();
        Method(writer, builder, "Adds or replaces an entry of " + see, name, "string key, " + elementName + " value", KeyValue, entry + "value;");
        if (element.Kind == TypeRefKind.Object)
        {
            writer.Blank();
            Method(writer, builder, "Adds or replaces an entry of " + see + " with an object configured on a new builder", name, "string key, global::System.Action<" + elementName + "Builder> configure", KeyConfigure, ConfigureBody(elementName, entry + "builder.Build();"));
        }
    }

    private static readonly string[] Value = { "value", "The value." };
    private static readonly string[] Configure = { "configure", "Configures a new builder." };
    private static readonly string[] Items = { "items", "The items." };
    private static readonly string[] Item = { "item", "The item." };
    private static readonly string[] Entries = { "entries", "The entries." };
    private static readonly string[] KeyValue = { "key", "The key.", "value", "The value." };
    private static readonly string[] KeyConfigure = { "key", "The key.", "configure", "Configures a new builder." };

    private static string[] ConfigureBody(string typeName, string assignment) =>
        new[] { "global::System.ArgumentNullException.ThrowIfNull(configure);", "var builder = new " + typeName + "Builder();", "configure(builder);", assignment };

    /// <summary>Writes one documented fluent method; <paramref name="parameterDocs"/> holds name/doc pairs.</summary>
    private static void Method(SourceWriter writer, string builder, string summary, string method, string parameters, string[] parameterDocs, params string[] body) =>
        AttributedMethod(writer, builder, summary, method, parameters, parameterDocs, null, body);

    /// <summary>Writes one documented fluent method, with an attribute line when <paramref name="attribute"/> is set.</summary>
    private static void AttributedMethod(SourceWriter writer, string builder, string summary, string method, string parameters, string[] parameterDocs, string? attribute, params string[] body)
    {
        writer.Line("/// <summary>", summary, ".</summary>");
        for (int i = 0; i + 1 < parameterDocs.Length; i += 2)
        {
            writer.Line("/// <param name=\"", parameterDocs[i], "\">", parameterDocs[i + 1], "</param>");
        }

        writer.Line(Returns);
        if (attribute is not null)
        {
            writer.Line(attribute);
        }

        writer.Line("public ", builder, " ", method, "(" + parameters + ")").Open();
        foreach (string line in body)
        {
            writer.Line(line);
        }

        writer.Line("return this;").Close();
    }

    private static void WriteBuild(SourceWriter writer, ObjectTypeModel type, string ns, bool isRoot)
    {
        writer.Line("/// <summary>Creates a new <see cref=\"", type.Name, "\"/> from the values set so far; collections are copied, so the builder can be reused.</summary>");
        writer.Line("/// <returns>The built object.</returns>");
        string qualified = "global::" + ns + "." + type.Name;
        writer.Line("public ", qualified, " Build()").Open();
        writer.Line("var result = new ", qualified, "();");
        if (isRoot)
        {
            writer.Line("result.Metadata = _metadata is null ? new ", ObjectMeta, "() : CopyMetadata(_metadata);");
        }

        foreach (PropertyModel property in type.Properties)
        {
            string field = CSharp.FieldName(property.Name);
            string target = "result." + property.Name + " = ";
            string missing = property.Required ? "default!" : "null";
            switch (property.Type.Kind)
            {
                case TypeRefKind.List:
                case TypeRefKind.Map:
                    writer.Line(target, field, " is null ? ", missing, " : new ", CopyType(property.Type, ns) + "(" + field + ");");
                    break;
                default:
                    if (property.Required && property.Type.IsValueType)
                    {
                        writer.Line("if (", field, ".HasValue)").Open().Line(target, field, ".Value;").Close();
                    }
                    else
                    {
                        writer.Line(target, field, property.Required ? "!;" : ";");
                    }

                    break;
            }
        }

        writer.Line("return result;").Close();
    }

    private static string FieldType(TypeRef type, string ns) => type.Kind is TypeRefKind.List or TypeRefKind.Map
        ? CopyType(type, ns)
        : CSharp.TypeName(type, ns);

    private static string CopyType(TypeRef type, string ns) => type.Kind == TypeRefKind.List
        ? "global::System.Collections.Generic.List<" + CSharp.TypeName(type.Element!, ns) + ">"
        : "global::System.Collections.Generic.Dictionary<string, " + CSharp.TypeName(type.Element!, ns) + ">";
}
