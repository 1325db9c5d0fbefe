using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EnvoyGateway.Sdk.Generators.Tests.Support;

/// <summary>
/// References for compiling generated code: the .NET shared framework, KubernetesClient, YamlDotNet and the
/// EnvoyGateway.Sdk runtime, all taken from the test host's trusted platform assemblies.
/// </summary>
internal static class MetadataReferences
{
    private static readonly string[] Prefixes = ["System.", "Microsoft.CSharp", "Microsoft.Win32.", "netstandard", "mscorlib"];
    private static readonly string[] Exact = ["System", "KubernetesClient", "YamlDotNet", "EnvoyGateway.Sdk", "Fractions"];

    /// <summary>Every reference needed by generated code.</summary>
    public static IReadOnlyList<MetadataReference> All { get; } = Load();

    private static MetadataReference[] Load()
    {
        // Force-load the runtime (and through it KubernetesClient/YamlDotNet) so their paths are known.
        _ = typeof(EnvoyGateway.Sdk.Runtime.RawJson).Assembly;
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return tpa
            .Where(path => Wanted(Path.GetFileNameWithoutExtension(path)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }

    private static bool Wanted(string name) =>
        Exact.Contains(name, StringComparer.Ordinal)
        || Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
}
