using EnvoyGateway.Sdk.Generators.Diagnostics;

namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>The result of parsing one input file: zero or more CRD versions to generate, plus diagnostics.</summary>
/// <param name="Versions">Generated units (one per selected CRD version), in document order.</param>
/// <param name="Diagnostics">Diagnostics pointing into the file.</param>
internal sealed record CrdFileResult(EquatableArray<CrdVersionModel> Versions, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>A file that is not a CRD and produced nothing.</summary>
    public static readonly CrdFileResult Empty = new(EquatableArray<CrdVersionModel>.Empty, EquatableArray<DiagnosticInfo>.Empty);
}
