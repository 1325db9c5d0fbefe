namespace EnvoyGateway.Sdk.Generators;

/// <summary>Names of the incremental pipeline steps, used by tests to check caching.</summary>
internal static class TrackingNames
{
    /// <summary>Additional files with a CRD-capable extension, projected to plain strings.</summary>
    public const string InputFiles = nameof(InputFiles);

    /// <summary>Each input file parsed once into an equatable model plus diagnostics.</summary>
    public const string ParsedFiles = nameof(ParsedFiles);

    /// <summary>The diagnostics of one file.</summary>
    public const string FileDiagnostics = nameof(FileDiagnostics);

    /// <summary>One generated unit per CRD version.</summary>
    public const string CrdVersions = nameof(CrdVersions);

    /// <summary>Hint-name keys of every unit, used to keep hint names collision-free.</summary>
    public const string HintKeys = nameof(HintKeys);

    /// <summary>A unit paired with the set of hint keys.</summary>
    public const string EmitUnits = nameof(EmitUnits);

    /// <summary>The kind registrations (type, apiVersion, kind, schema JSON), for the module initializer.</summary>
    public const string KindTypes = nameof(KindTypes);

    /// <summary>The compilation-wide generator options (root namespace).</summary>
    public const string GlobalOptions = nameof(GlobalOptions);
}
