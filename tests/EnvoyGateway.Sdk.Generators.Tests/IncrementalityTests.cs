using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EnvoyGateway.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests;

/// <summary>The pipeline caches: unrelated edits re-run nothing, and no step output holds Roslyn objects.</summary>
[TestFixture]
public sealed class IncrementalityTests
{
    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly Type[] ForbiddenTypes =
    [
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location),
        typeof(SemanticModel), typeof(AdditionalText), typeof(AnalyzerConfigOptionsProvider), typeof(AnalyzerConfigOptions),
    ];

    private static CrdFile[] Files() =>
    [
        new("crds/widgets.yaml", TestPaths.ReadTestData("widgets.yaml"), Namespace: "Example.Widgets"),
        new("crds/gadgets.json", TestPaths.ReadTestData("gadgets.json")),
    ];

    [Test]
    public void Every_tracking_name_is_used_by_the_pipeline()
    {
        var (driver, _) = RunOnce();
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.That(steps.Keys, Is.SupersetOf(StepNames));
    }

    [Test]
    public void An_unrelated_syntax_tree_leaves_every_step_cached()
    {
        var (driver, compilation) = RunOnce();
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions)));
        AssertAllCached(driver.GetRunResult());
    }

    [Test]
    public void An_unrelated_additional_file_leaves_every_step_cached()
    {
        var (driver, compilation) = RunOnce();
        driver = driver.AddAdditionalTexts([new InMemoryAdditionalText("docs/readme.txt", "not a CRD")]);
        driver = driver.RunGenerators(compilation);
        AssertAllCached(driver.GetRunResult());
    }

    [Test]
    public void A_non_crd_yaml_file_leaves_the_generated_units_cached()
    {
        var (driver, compilation) = RunOnce();
        driver = driver.AddAdditionalTexts([new InMemoryAdditionalText("deploy/values.yaml", "replicas: 3\n")]);
        driver = driver.RunGenerators(compilation);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (string name in new[] { TrackingNames.CrdVersions, TrackingNames.HintKeys, TrackingNames.EmitUnits, TrackingNames.KindTypes })
        {
            AssertCached(name, steps[name]);
        }
    }

    [Test]
    public void Editing_one_crd_regenerates_only_that_crd()
    {
        var compilation = GeneratorHarness.CreateCompilation("class Existing { }");
        var driver = GeneratorHarness.CreateDriver(Files(), "Test.Root", out var texts).RunGenerators(compilation);
        var widgets = Files()[0];
        var edited = new InMemoryAdditionalText(widgets.Path, widgets.Text.Replace("Widget is a test resource.", "Widget is an edited test resource.", StringComparison.Ordinal));
        var old = driver.GetRunResult().Results.Single();
        driver = driver.ReplaceAdditionalText(texts[0], edited);
        driver = driver.RunGenerators(compilation);

        var units = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.EmitUnits];
        var reasons = units.SelectMany(step => step.Outputs)
            .Select(o => (Unit: (Model.EmitUnit)o.Value, o.Reason))
            .ToDictionary(o => o.Unit.HintStem, o => o.Reason);
        Assert.Multiple(() =>
        {
            Assert.That(reasons["example.egsdk.io.v1.Widget"], Is.EqualTo(IncrementalStepRunReason.Modified));
            Assert.That(reasons["example.egsdk.io.v1beta1.Gadget"], Is.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));
            Assert.That(old.GeneratedSources, Is.Not.Empty);
        });
    }

    [Test]
    public void Step_outputs_hold_no_symbols_syntax_compilations_or_locations()
    {
        var (driver, _) = RunOnce();
        foreach (var (name, runs) in driver.GetRunResult().Results.Single().TrackedSteps)
        {
            if (!StepNames.Contains(name))
            {
                continue;
            }

            foreach (var output in runs.SelectMany(run => run.Outputs))
            {
                Walk(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce()
    {
        var compilation = GeneratorHarness.CreateCompilation("class Existing { }");
        var driver = GeneratorHarness.CreateDriver(Files()).RunGenerators(compilation);
        return (driver, compilation);
    }

    private static void AssertAllCached(GeneratorDriverRunResult result)
    {
        var steps = result.Results.Single().TrackedSteps;
        foreach (string name in StepNames)
        {
            Assert.That(steps.ContainsKey(name), Is.True, $"step {name} did not run");
            Assert.That(steps[name].SelectMany(run => run.Outputs), Is.Not.Empty, $"step {name} has no outputs to compare");
            AssertCached(name, steps[name]);
        }
    }

    private static void AssertCached(string name, IEnumerable<IncrementalGeneratorRunStep> runs)
    {
        foreach (var (value, reason) in runs.SelectMany(run => run.Outputs))
        {
            Assert.That(reason, Is.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), $"step {name} output {value} was {reason}");
        }
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Type type = value.GetType();
        foreach (Type forbidden in ForbiddenTypes)
        {
            Assert.That(forbidden.IsAssignableFrom(type), Is.False, $"{path} holds a {forbidden.Name} ({type.FullName})");
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                Walk(item, $"{path}[{i++}]", visited);
            }
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), path + "." + field.Name, visited);
            }
        }
    }
}
