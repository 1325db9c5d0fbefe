using EnvoyGateway.Sdk.Generators.Model;

namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>Emits the string-enum classes of one CRD version.</summary>
internal static class EnumEmitter
{
    /// <summary>Returns the source text of <c>{Group}.{Version}.{Kind}.Enums.g.cs</c>, or <see langword="null"/> when there are no enums.</summary>
    public static string? Emit(CrdVersionModel model)
    {
        if (model.Enums.Count == 0)
        {
            return null;
        }

        var writer = new SourceWriter(2048 + (model.Enums.Count * 1024));
        writer.Line(CSharp.Header.TrimEnd('\n')).Blank();
        writer.Line("namespace ", model.Namespace).Open();
        bool first = true;
        foreach (EnumTypeModel type in model.Enums)
        {
            if (!first)
            {
                writer.Blank();
            }

            first = false;
            WriteEnum(writer, type, "global::" + model.Namespace + "." + type.Name);
        }

        writer.Close();
        return writer.ToString();
    }

    private static void WriteEnum(SourceWriter writer, EnumTypeModel type, string qualified)
    {
        DocComments.Summary(writer, type.Description, "The values of " + DocComments.Code(type.Path) + ".");
        writer.Line("/// <remarks>Unknown values are kept as they are (<c>IsKnown</c> is <see langword=\"false\"/>).</remarks>");
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(", CSharp.Runtime, "StringEnumJsonConverter<", qualified, ">))]");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line("public sealed partial class ", type.Name, " : ", CSharp.Runtime, "StringEnum<", qualified + ">").Open();

        writer.Line("private static readonly global::System.Collections.Generic.IReadOnlyList<string> s_knownValues = new string[]").Open();
        foreach (EnumMemberModel member in type.Members)
        {
            writer.Line(CSharp.Literal(member.Value), ",");
        }

        writer.Close(";").Blank();

        foreach (EnumMemberModel member in type.Members)
        {
            writer.Line("/// <summary>The ", DocComments.Code(member.Value), " value.</summary>");
            writer.Line("public static readonly ", qualified, " ", member.Name, " = new(" + CSharp.Literal(member.Value) + ");").Blank();
        }

        writer.Line("/// <summary>Creates an empty value (used by serializers).</summary>");
        writer.Line("public ", type.Name, "()").Open().Close().Blank();

        writer.Line("/// <summary>Creates a value, known or not.</summary>");
        writer.Line("/// <param name=\"value\">The wire value.</param>");
        writer.Line("public ", type.Name, "(string value)").Line("    : base(value)").Open().Close().Blank();

        writer.Line("/// <inheritdoc/>");
        writer.Line("protected override global::System.Collections.Generic.IReadOnlyList<string> KnownValues => s_knownValues;").Blank();

        writer.Line("/// <summary>Converts a wire value, known or not.</summary>");
        writer.Line("/// <param name=\"value\">The wire value.</param>");
        writer.Line("public static implicit operator ", qualified, "(string value) => new(value);");
        writer.Close();
    }
}
