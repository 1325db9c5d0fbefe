namespace EnvoyGateway.Sdk.Generators;

/// <summary>Identity of the generator as written into <c>[GeneratedCode]</c> attributes.</summary>
internal static class GeneratorInfo
{
    /// <summary>The tool name.</summary>
    public const string ToolName = "EnvoyGateway.Sdk.Generators";

    /// <summary>The generator's assembly version (x.y.z.w; stable across commits of one release).</summary>
    public static readonly string Version =
        typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <summary>Namespace used when neither <c>EgsdkNamespace</c> nor <c>RootNamespace</c> is set.</summary>
    public const string DefaultNamespace = "EnvoyGateway.Sdk.Generated";
}
