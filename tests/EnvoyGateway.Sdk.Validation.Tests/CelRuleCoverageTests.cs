using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Validation.Tests;

/// <summary>
/// Every CEL rule of our schemas and of every upstream CRD in ../shared/reference compiles and evaluates, on a full
/// sample value (every property present) and on a minimal one (required properties only).
/// </summary>
[TestFixture]
public sealed class CelRuleCoverageTests
{
    /// <summary>Rules that are deliberately not evaluated on create, with the reason (the API server does the same).</summary>
    private static readonly Dictionary<string, string> AllowList = new(StringComparer.Ordinal)
    {
        ["self == oldSelf"] = "transition rule (immutability): needs oldSelf, which does not exist on create",
        ["oldSelf == self"] = "transition rule (immutability): needs oldSelf, which does not exist on create",
    };

    [Test]
    public void Every_rule_of_our_schemas_evaluates()
    {
        Check(OurSchemas.Files);
    }

    [Test]
    public void Every_rule_of_the_upstream_crds_evaluates()
    {
        var reference = SharedMaterial.Require("reference");
        Check(Directory.GetFiles(reference, "*.yaml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray());
    }

    private static void Check(string[] files)
    {
        var sites = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new Dictionary<CelOutcomeKind, int>();
        var notEvaluated = new SortedSet<string>(StringComparer.Ordinal);
        var skipped = new SortedSet<string>(StringComparer.Ordinal);
        var dataErrors = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var schema in CrdSchema.ReadAll(File.ReadAllText(file), file, servedOnly: false))
            {
                foreach (var (path, node) in Walk(schema.Root, string.Empty))
                {
                    foreach (var rule in node.Rules)
                    {
                        sites++;
                        distinct.Add(rule.Rule);
                        foreach (var full in new[] { true, false })
                        {
                            var sample = SampleValues.For(node, full);
                            var self = new CelValues().Convert(sample, node, isRoot: path.Length == 0);
                            var outcome = CelRules.Evaluate(rule.Rule, self);
                            outcomes[outcome.Kind] = outcomes.GetValueOrDefault(outcome.Kind) + 1;
                            if (outcome.Kind == CelOutcomeKind.NotEvaluated)
                            {
                                notEvaluated.Add($"{Path.GetFileName(file)} {schema.ApiVersion} {path}: {rule.Rule} -> {outcome.Detail}");
                            }
                            else if (outcome.Kind == CelOutcomeKind.Error)
                            {
                                dataErrors.Add($"{rule.Rule} -> {outcome.Detail}");
                            }
                            else if (outcome.Kind == CelOutcomeKind.Skipped)
                            {
                                skipped.Add(rule.Rule);
                            }
                        }
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"{sites} rule sites, {distinct.Count} distinct rules; outcomes: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => o.Key + "=" + o.Value))}");
        TestContext.Out.WriteLine("Rules that cannot be evaluated (goal: none):");
        foreach (var line in notEvaluated)
        {
            TestContext.Out.WriteLine("  " + line);
        }

        foreach (var rule in skipped)
        {
            TestContext.Out.WriteLine($"  allow-listed: {rule} ({AllowList.GetValueOrDefault(rule, "NOT ALLOW-LISTED")})");
        }

        TestContext.Out.WriteLine("Rules that failed on a sample's data (evaluated; the API server rejects such objects too):");
        foreach (var line in dataErrors)
        {
            TestContext.Out.WriteLine("  " + line);
        }

        Assert.That(notEvaluated, Is.Empty);
        Assert.That(skipped, Is.SubsetOf(AllowList.Keys));
    }

    private static IEnumerable<(string Path, SchemaNode Node)> Walk(SchemaNode node, string path)
    {
        yield return (path, node);
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, SchemaNode>())
        {
            foreach (var item in Walk(child, path + "." + name))
            {
                yield return item;
            }
        }

        if (node.Items is { } items)
        {
            foreach (var item in Walk(items, path + "[]"))
            {
                yield return item;
            }
        }

        if (node.AdditionalProperties is { } additional)
        {
            foreach (var item in Walk(additional, path + "{}"))
            {
                yield return item;
            }
        }
    }
}
