using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using System.Text;
using EnvoyGateway.Sdk.Benchmarks.Harness;
using EnvoyGateway.Sdk.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;

namespace EnvoyGateway.Sdk.Benchmarks.Generator;

/// <summary>
/// Our incremental generator (through <see cref="CSharpGeneratorDriver"/>, CRD YAML as AdditionalFiles) next to
/// NJsonSchema.CodeGeneration.CSharp generating classes from the same openAPIV3Schemas, plus the generator's
/// incremental re-run after an edit that does not touch any CRD.
/// </summary>
internal static class GeneratorSuite
{
    private const int Warmup = 2;
    private const int Runs = 9;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static string Run()
    {
        var corpora = new[] { CrdCorpus.Ours(), CrdCorpus.Upstream() };
        var schemas = corpora.Select(c => c.Schemas()).ToList();
        var compilation = EmptyCompilation();

        // Cold: the first call of each tool in this process (JIT included), on our schemas.
        var oursCold = Measurement.Once(() => RunGenerator(corpora[0], compilation));
        var njsCold = Measurement.Once(() => RunNJsonSchema(schemas[0]));

        // Then warm both tools on both corpora, so neither side is measured while still tiering up.
        for (var i = 0; i < Warmup; i++)
        {
            for (var c = 0; c < corpora.Length; c++)
            {
                RunGenerator(corpora[c], compilation);
                RunNJsonSchema(schemas[c]);
            }
        }

        var table = new MarkdownTable("corpus", "CRD files (KB)", "versions", "tool", "cold (first call)", $"warm median (min–max) of {Runs}", "output", "NJsonSchema ÷ ours (median)");
        for (var c = 0; c < corpora.Length; c++)
        {
            var corpus = corpora[c];
            var result = RunGenerator(corpus, compilation).GetRunResult();
            var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var ours = Measurement.Of(() => RunGenerator(corpus, compilation), 0, Runs);
            var njs = Measurement.Of(() => RunNJsonSchema(schemas[c]), 0, Runs);
            var njsOutput = RunNJsonSchema(schemas[c]);

            var files = $"{corpus.Files.Count} ({Format.Int(corpus.Bytes / 1024)})";
            table.Add(corpus.Name, files, schemas[c].Count, "EnvoyGateway.Sdk.Generators", c == 0 ? Format.Ms(oursCold) : "–", Range(ours),
                $"{result.GeneratedTrees.Length} files, {Format.Int(result.GeneratedTrees.Sum(t => (long)t.Length) / 1024)} KB, {errors} errors", string.Empty);
            table.Add(corpus.Name, files, schemas[c].Count, "NJsonSchema.CodeGeneration.CSharp 11.6.2", c == 0 ? Format.Ms(njsCold) : "–", Range(njs),
                $"{schemas[c].Count} files, {Format.Int(njsOutput / 1024)} KB", Format.Ratio(njs.Median / ours.Median));
        }

        return table + "\n"
            + "Our generator runs through CSharpGeneratorDriver with the CRD YAML as AdditionalFiles and includes its own YAML parsing; "
            + "NJsonSchema gets each served version's openAPIV3Schema already converted to JSON (conversion not timed) and generates POCO classes "
            + "with System.Text.Json attributes. Ours also emits string enums, fluent builders and a kind registry, hence the larger output.\n\n"
            + Incremental(corpora[0]);
    }

    private static string Range(Measurement m) => $"{Format.Ms(m.Median)} ({Format.Ms(m.Min)}–{Format.Ms(m.Max)})";

    private static GeneratorDriver CreateDriver(CrdCorpus corpus) =>
        CSharpGeneratorDriver.Create(
            [new CrdGenerator().AsSourceGenerator()],
            corpus.Files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            ParseOptions,
            new CrdOptionsProvider(corpus.Files),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static GeneratorDriver RunGenerator(CrdCorpus corpus, Compilation compilation) => CreateDriver(corpus).RunGenerators(compilation);

    private static CSharpCompilation EmptyCompilation(string source = "namespace App { internal static class Startup { } }") =>
        CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText(source, ParseOptions)], [], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>Generates one C# file per schema; returns the characters written (so the work cannot be skipped).</summary>
    private static long RunNJsonSchema(IReadOnlyList<CrdSchemaJson> schemas)
    {
        long chars = 0;
        foreach (var item in schemas)
        {
            var schema = JsonSchema.FromJsonAsync(item.Json).GetAwaiter().GetResult();
            var generator = new CSharpGenerator(schema, new CSharpGeneratorSettings
            {
                Namespace = item.Namespace,
                ClassStyle = CSharpClassStyle.Poco,
                JsonLibrary = CSharpJsonLibrary.SystemTextJson,
            });
            chars += generator.GenerateFile(item.Kind).Length;
        }

        return chars;
    }

    /// <summary>Re-runs a warm driver after an edit to a C# file: every step should be Cached or Unchanged.</summary>
    private static string Incremental(CrdCorpus corpus)
    {
        var compilation = EmptyCompilation();
        var warm = RunGenerator(corpus, compilation);
        var editNumber = 0;
        GeneratorDriver? rerun = null;
        var timing = Measurement.Of(
            () =>
            {
                // A different edit every time, so no run sees the exact compilation of the one before.
                var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(),
                    CSharpSyntaxTree.ParseText($"namespace App {{ internal static class Startup {{ private const int Edit = {++editNumber}; }} }}", ParseOptions));
                rerun = warm.RunGenerators(edited);
            },
            Warmup,
            Runs);

        var steps = rerun!.GetRunResult().Results.Single().TrackedSteps;
        var table = new MarkdownTable("step", "runs", "outputs", "reasons");
        foreach (var (name, runs) in steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var reasons = runs.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key)
                .Select(g => $"{g.Key} {g.Count()}");
            table.Add(name, runs.Length, runs.Sum(r => r.Outputs.Length), string.Join(", ", reasons));
        }

        var allCached = steps.Values.SelectMany(r => r).SelectMany(r => r.Outputs)
            .All(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### Incremental re-run after an unrelated C# edit ({corpus.Name})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Re-run of a warm driver: median {Format.Ms(timing.Median)} (min {Format.Ms(timing.Min)}, max {Format.Ms(timing.Max)}) over {Runs} edits. ");
        text.Append(allCached ? "Every step output is Cached or Unchanged.\n\n" : "**Some step outputs were re-computed (see table).**\n\n");
        text.Append(table);
        return text.ToString();
    }
}
