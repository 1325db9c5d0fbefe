using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.TestSupport;
using EnvoyGateway.Sdk.Translation;
using EnvoyGateway.Sdk.Translation.Xds;
using EnvoyGateway.Sdk.Validation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Reliability.Tests.Fuzz;

/// <summary>
/// Structure-aware fuzzing of load → validate → resolve → translate (with PGV validation) over the inputs of both
/// conformance corpora. Only <see cref="ResourceLoadException"/> (documented) may escape; every mutant must finish
/// within the time budget. The short run is deterministic; see docs/reliability.md for the long run.
/// </summary>
[Category("Fuzz")]
public sealed class FuzzTests
{
    [Test]
    public void Mutants_of_the_conformance_inputs_never_crash_or_hang()
    {
        var corpus = LoadCorpus();
        var settings = FuzzSettings.FromEnvironment();
        var failures = new List<string>();
        var knownIssues = BadInputCorpus.Expectations.Values.Select(e => e.KnownIssue).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var known = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var outDir = Environment.GetEnvironmentVariable("EGSDK_FUZZ_OUT") ?? Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-failures");
        var run = 0;
        var loaded = 0;
        var resolved = 0;
        for (var i = settings.Start; run < settings.Iterations && clock.Elapsed < settings.Duration; i++, run++)
        {
            var random = settings.RandomFor(i);
            var (name, documents) = corpus[random.Next(corpus.Count)];
            var text = StructureMutator.Mutate(documents, random);
            var file = $"{name}#{i}.yaml";
            string? problem = null;
            try
            {
                var outcome = Exercise(text, file);
                loaded += outcome.Loaded ? 1 : 0;
                resolved += outcome.Resolved ? 1 : 0;
                if (outcome.Elapsed > Timed.Budget)
                {
                    problem = $"slow: {outcome.Elapsed.TotalMilliseconds:F0} ms";
                }
            }
            catch (Exception e) when (knownIssues.Contains(Cli.InternalError.Describe(e)))
            {
                var signature = Cli.InternalError.Describe(e);
                known[signature] = known.GetValueOrDefault(signature) + 1;
            }
            catch (Exception e)
            {
                var root = e.GetBaseException();
                problem = $"{root.GetType().Name}: {root.Message} at {root.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
            }

            if (problem is not null)
            {
                Directory.CreateDirectory(outDir);
                var saved = Path.Combine(outDir, $"seed{settings.Seed}-{i}.yaml");
                File.WriteAllText(saved, text);
                failures.Add($"iteration {i} (from {name}; replay: EGSDK_FUZZ_SEED={settings.Seed} EGSDK_FUZZ_START={i} EGSDK_FUZZ_ITERATIONS=1; input: {saved}): {problem}");
            }
        }

        TestContext.Out.WriteLine($"seed {settings.Seed}: {run} mutants in {clock.Elapsed.TotalSeconds:F0} s; {loaded} loaded, {resolved} resolved and translated; {failures.Count} failures; "
            + $"known issues (BadInput/expectations.yaml): {(known.Count == 0 ? "none" : string.Join(", ", known.Select(k => $"{k.Key} x{k.Value}")))}");
        Assert.That(run, Is.GreaterThan(0));
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(20)));
    }

    [Test]
    public void The_mutator_is_deterministic_and_mutates()
    {
        var corpus = LoadCorpus();
        var settings = FuzzSettings.FromEnvironment();
        for (var i = 0; i < 20; i++)
        {
            var first = settings.RandomFor(i);
            var (_, documents) = corpus[first.Next(corpus.Count)];
            var second = settings.RandomFor(i);
            var again = corpus[second.Next(corpus.Count)].Documents;
            Assert.That(StructureMutator.Mutate(documents, first), Is.EqualTo(StructureMutator.Mutate(again, second)), $"iteration {i}");
        }

        var original = ResourceSerializer.ToYaml(corpus[0].Documents.Select(d => (object)System.Text.Json.JsonSerializer.SerializeToElement(d)));
        var changed = Enumerable.Range(0, 20).Count(i => StructureMutator.Mutate(corpus[0].Documents, new Random(i)) != original);
        Assert.That(changed, Is.GreaterThanOrEqualTo(18), "mutants differ from their input");
    }

    private static (bool Loaded, bool Resolved, TimeSpan Elapsed) Exercise(string text, string file)
    {
        var loaded = false;
        var resolved = false;
        var elapsed = Timed.Run(() =>
        {
            loaded = resolved = false;
            ResourceSet set;
            try
            {
                ResourceValidator.ValidateYaml(text, file);
                set = ResourceSet.FromYaml(text, file);
                loaded = true;
            }
            catch (ResourceLoadException)
            {
                return;
            }

            PolicyResolution resolution;
            try
            {
                resolution = PolicyResolver.Resolve(set);
            }
            catch (ResourceLoadException)
            {
                return;
            }

            XdsTranslator.Translate(resolution, PipelineOutcome.Now);
            resolved = true;
        });
        return (loaded, resolved, elapsed);
    }

    private static List<(string Name, List<JsonNode?> Documents)> LoadCorpus()
    {
        var corpus = new List<(string, List<JsonNode?>)>();
        foreach (var root in new[] { "conformance/policy-status", "conformance/xds" })
        {
            foreach (var input in Directory.EnumerateFiles(SharedMaterial.Require(root), "in.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var documents = ResourceSerializer.LoadYaml(File.ReadAllText(input), input)
                    .Select(r => JsonNode.Parse(ResourceSerializer.ToJson(r, indented: false)))
                    .ToList();
                corpus.Add((Path.GetFileName(Path.GetDirectoryName(input))!, documents));
            }
        }

        return corpus;
    }
}
