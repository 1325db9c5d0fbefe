using Microsoft.CodeAnalysis;

namespace EnvoyGateway.Sdk.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs use the <c>EGSDK1xxx</c> range.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "EnvoyGateway.Sdk.Generators";
    private const string HelpBase = "https://github.com/envoygateway-sdk/envoygateway-sdk/blob/main/docs/diagnostics.md#";

    /// <summary>The generator failed unexpectedly while processing a file.</summary>
    public static readonly DiagnosticDescriptor InternalError = Create(
        "EGSDK1000",
        "Internal generator error",
        "The CRD generator failed while processing '{0}': {1}",
        DiagnosticSeverity.Error);

    /// <summary>A file looks like a CRD but cannot be read.</summary>
    public static readonly DiagnosticDescriptor UnreadableCrd = Create(
        "EGSDK1001",
        "CRD file cannot be read",
        "CRD file '{0}' cannot be read: {1}",
        DiagnosticSeverity.Error);

    /// <summary>A schema construct has no typed mapping; the value is generated as <c>RawJson</c>.</summary>
    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        "EGSDK1002",
        "Unsupported schema construct generated as RawJson",
        "Schema at '{0}' ({1}) uses {2}; it is generated as RawJson",
        DiagnosticSeverity.Info);

    /// <summary>Two schema paths produced the same C# name; the later one was renamed.</summary>
    public static readonly DiagnosticDescriptor NameCollision = Create(
        "EGSDK1003",
        "Generated name collision resolved",
        "The name '{0}' for '{1}' ({2}) is already used; it is generated as '{3}'",
        DiagnosticSeverity.Info);

    /// <summary>The configured namespace is not a valid C# namespace.</summary>
    public static readonly DiagnosticDescriptor InvalidNamespace = Create(
        "EGSDK1004",
        "Invalid namespace for generated code",
        "'{0}' is not a valid C# namespace for the types generated from '{1}'",
        DiagnosticSeverity.Error);

    /// <summary><c>EgsdkVersions</c> names a version the CRD does not serve.</summary>
    public static readonly DiagnosticDescriptor UnknownVersion = Create(
        "EGSDK1005",
        "Requested CRD version not found",
        "EgsdkVersions lists '{0}', which is not a served version of CRD '{1}'",
        DiagnosticSeverity.Warning);

    /// <summary>Looks a descriptor up by ID (diagnostics travel through the pipeline as data).</summary>
    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        "EGSDK1000" => InternalError,
        "EGSDK1001" => UnreadableCrd,
        "EGSDK1002" => UnsupportedSchema,
        "EGSDK1003" => NameCollision,
        "EGSDK1004" => InvalidNamespace,
        "EGSDK1005" => UnknownVersion,
        _ => null,
    };

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
