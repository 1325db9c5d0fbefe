namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>A CRD version together with its final, collision-free hint-name stem.</summary>
/// <param name="Model">The version model.</param>
/// <param name="HintStem">The hint-name stem (<c>{Group}.{Version}.{Kind}</c>, suffixed when two inputs share it).</param>
internal sealed record EmitUnit(CrdVersionModel Model, string HintStem);

/// <summary>The identity of a unit for hint-name de-duplication.</summary>
/// <param name="Stem">The natural stem.</param>
/// <param name="SourcePath">The CRD file.</param>
/// <param name="Document">The document index within the file.</param>
/// <param name="Namespace">The target namespace.</param>
internal sealed record HintKey(string Stem, string SourcePath, int Document, string Namespace);

/// <summary>Compilation-wide options.</summary>
/// <param name="RegistryNamespace">Namespace of the generated <c>EgsdkGeneratedKinds</c> class.</param>
internal sealed record GlobalOptions(string RegistryNamespace);
