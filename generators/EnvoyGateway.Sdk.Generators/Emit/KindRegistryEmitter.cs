using EnvoyGateway.Sdk.Generators.Model;

namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>
/// Emits <c>EgsdkGeneratedKinds</c>: a module initializer registering every generated kind with <c>ResourceKinds</c>
/// (for loading) and its schema with <c>SchemaRegistry</c> (for validation; the JSON is parsed on first use).
/// </summary>
internal static class KindRegistryEmitter
{
    /// <summary>The hint name of the registry file.</summary>
    public const string HintName = "EgsdkGeneratedKinds.g.cs";

    /// <summary>Returns the registry source for <paramref name="kinds"/> (sorted by type, distinct).</summary>
    public static string Emit(string ns, EquatableArray<KindRegistration> kinds)
    {
        int capacity = 1024;
        foreach (KindRegistration kind in kinds)
        {
            capacity += 384 + kind.SchemaJson.Length;
        }

        var writer = new SourceWriter(capacity);
        writer.Line(CSharp.Header.TrimEnd('\n'));
        writer.Line("#pragma warning disable CA2255 // ModuleInitializer in a library is the point: kinds must be known before any load.").Blank();
        writer.Line("namespace ", ns).Open();
        writer.Line("/// <summary>Registers the Kubernetes kinds generated into this assembly and their schemas.</summary>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line("internal static class EgsdkGeneratedKinds").Open();
        writer.Line("/// <summary>Registers every generated kind with <see cref=\"", CSharp.Runtime, "ResourceKinds\"/> and its <c>openAPIV3Schema</c> with <see cref=\"", CSharp.Validation, "SchemaRegistry\"/>.</summary>");
        writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.Line("internal static void Register()").Open();
        foreach (KindRegistration kind in kinds)
        {
            writer.Line(CSharp.Runtime, "ResourceKinds.Register(typeof(", kind.KindType, "));");
            string quotes = CSharp.RawStringDelimiter(kind.SchemaJson);
            writer.Line(
                CSharp.Validation,
                "SchemaRegistry.Register(typeof(",
                kind.KindType,
                "), " + CSharp.Literal(kind.ApiVersion) + ", " + CSharp.Literal(kind.Kind) + ", ",
                quotes);
            writer.Line(kind.SchemaJson);
            writer.Line(quotes, ");");
        }

        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
