using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EnvoyGateway.Sdk.Generators.Tests.Support;

/// <summary>Runs <see cref="CrdGenerator"/> in-memory through a <see cref="CSharpGeneratorDriver"/>.</summary>
internal static class GeneratorHarness
{
    /// <summary>Parse options matching a consumer build: latest language, documentation diagnostics on.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>A driver for <paramref name="files"/> (step tracking on).</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<CrdFile> files, string? rootNamespace = "Test.Root") =>
        CreateDriver(files, rootNamespace, out _);

    /// <summary>A driver for <paramref name="files"/>; <paramref name="texts"/> are the additional texts it holds (for later replacement).</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<CrdFile> files, string? rootNamespace, out ImmutableArray<AdditionalText> texts)
    {
        var fileList = files.ToList();
        texts = fileList.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        return CSharpGeneratorDriver.Create(
            [new CrdGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            Options(fileList, rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>The options provider for <paramref name="files"/>.</summary>
    public static AnalyzerConfigOptionsProvider Options(IEnumerable<CrdFile> files, string? rootNamespace)
    {
        var global = new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            global["build_property.RootNamespace"] = rootNamespace;
        }

        var perFile = files.ToDictionary(f => f.Path, f => (AnalyzerConfigOptions)new DictionaryOptions(f.Metadata()), StringComparer.Ordinal);
        return new TestOptionsProvider(new DictionaryOptions(global), perFile);
    }

    /// <summary>An empty library compilation with <see cref="MetadataReferences.All"/>.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTest",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            MetadataReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));

    /// <summary>Runs the generator once over <paramref name="files"/>.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(IEnumerable<CrdFile> files, string? rootNamespace = "Test.Root")
    {
        GeneratorDriver driver = CreateDriver(files, rootNamespace);
        driver = driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(), out Compilation output, out _);
        return (driver.GetRunResult(), output);
    }
}
