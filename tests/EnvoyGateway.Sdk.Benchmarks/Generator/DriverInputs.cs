using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EnvoyGateway.Sdk.Benchmarks.Generator;

/// <summary>An in-memory additional file.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText content = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => content;
}

/// <summary>Analyzer options from a dictionary.</summary>
internal sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
}

/// <summary>The per-file <c>EgsdkNamespace</c>/<c>EgsdkVersions</c> metadata MSBuild would pass.</summary>
internal sealed class CrdOptionsProvider(IEnumerable<CrdFile> files) : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, AnalyzerConfigOptions> byPath = files.ToDictionary(
        f => f.Path,
        f => (AnalyzerConfigOptions)new DictionaryOptions(Metadata(f)),
        StringComparer.Ordinal);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Bench" });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => byPath.GetValueOrDefault(textFile.Path, DictionaryOptions.Empty);

    private static Dictionary<string, string> Metadata(CrdFile file)
    {
        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.EgsdkNamespace"] = file.Namespace };
        if (file.Versions is not null)
        {
            values["build_metadata.AdditionalFiles.EgsdkVersions"] = file.Versions;
        }

        return values;
    }
}
