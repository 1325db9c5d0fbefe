using System;
using System.Threading;
using EnvoyGateway.Sdk.Generators.Model;
using EnvoyGateway.Sdk.Generators.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EnvoyGateway.Sdk.Generators;

/// <summary>Projects additional files and MSBuild options into plain, equatable pipeline inputs.</summary>
internal static class InputReader
{
    private const string NamespaceMetadata = "build_metadata.AdditionalFiles.EgsdkNamespace";
    private const string VersionsMetadata = "build_metadata.AdditionalFiles.EgsdkVersions";
    private const string RootNamespaceProperty = "build_property.RootNamespace";

    /// <summary>Whether the file can hold a CRD (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>).</summary>
    public static bool HasCrdExtension(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the text and the per-file options of <paramref name="file"/>.</summary>
    public static CrdInput Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions fileOptions = options.GetOptions(file);
        string ns = Value(fileOptions, NamespaceMetadata) ?? RootNamespace(options.GlobalOptions) ?? GeneratorInfo.DefaultNamespace;
        string? versions = Value(fileOptions, VersionsMetadata);
        string text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new CrdInput(file.Path, text, ns, versions);
    }

    /// <summary>The compilation-wide options.</summary>
    public static GlobalOptions ReadGlobal(AnalyzerConfigOptionsProvider options)
    {
        string? root = RootNamespace(options.GlobalOptions);
        return new GlobalOptions(root is not null && Identifier.IsValidNamespace(root) ? root : GeneratorInfo.DefaultNamespace);
    }

    private static string? RootNamespace(AnalyzerConfigOptions options) => Value(options, RootNamespaceProperty);

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
