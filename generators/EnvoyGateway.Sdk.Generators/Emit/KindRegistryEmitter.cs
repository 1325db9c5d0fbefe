using EnvoyGateway.Sdk.Generators.Model;

namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>Emits <c>EgsdkGeneratedKinds</c>: a module initializer registering every generated kind with <c>ResourceKinds</c>.</summary>
internal static class KindRegistryEmitter
{
    /// <summary>The hint name of the registry file.</summary>
    public const string HintName = "EgsdkGeneratedKinds.g.cs";

    /// <summary>Returns the registry source for <paramref name="kindTypes"/> (sorted, <c>global::</c>-qualified names).</summary>
    public static string Emit(string ns, EquatableArray<string> kindTypes)
    {
        var writer = new SourceWriter(1024 + (kindTypes.Count * 128));
        writer.Line(CSharp.Header.TrimEnd('\n'));
        writer.Line("#pragma warning disable CA2255 // ModuleInitializer in a library is the point: kinds must be known before any load.").Blank();
        writer.Line("namespace ", ns).Open();
        writer.Line("/// <summary>Registers the Kubernetes kinds generated into this assembly.</summary>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line("internal static class EgsdkGeneratedKinds").Open();
        writer.Line("/// <summary>Registers every generated kind with <see cref=\"", CSharp.Runtime, "ResourceKinds\"/>.</summary>");
        writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.Line("internal static void Register()").Open();
        foreach (string kind in kindTypes)
        {
            writer.Line(CSharp.Runtime, "ResourceKinds.Register(typeof(", kind, "));");
        }

        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
