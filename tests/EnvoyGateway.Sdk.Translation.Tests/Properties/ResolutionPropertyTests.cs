using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Translation.Tests.Properties;

/// <summary>Properties of the resolution that must hold for any input order and any unrelated addition.</summary>
public sealed class ResolutionPropertyTests
{
    private static readonly string Scenario = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scenario.yaml"));

    [Test]
    public void With_distinct_creation_timestamps_the_result_does_not_depend_on_document_order()
    {
        var documents = Documents(Scenario)
            .Select((d, i) => Stamp(d, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i)))
            .ToList();
        var expected = Render(Resolve(documents));
        Assert.That(expected, Does.Contain("Conflicted"), "precondition: the scenario exercises conflicts");

        Gen.Shuffle(documents.ToArray()).Sample(shuffled => Render(Resolve(shuffled)) == expected, iter: 40);
    }

    [Test]
    public void Resolving_twice_gives_equal_results()
    {
        var set = ResourceSet.FromYaml(Scenario);

        var first = Render(PolicyResolver.Resolve(set));
        var second = Render(PolicyResolver.Resolve(set));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Adding_an_unrelated_gateway_with_its_own_routes_and_policies_changes_nothing_existing()
    {
        var before = PolicyResolver.Resolve(ResourceSet.FromYaml(Scenario));
        var other = Scenario.Replace("namespace: infra", "namespace: other-infra", StringComparison.Ordinal)
            .Replace("namespace: apps", "namespace: other-apps", StringComparison.Ordinal)
            .Replace("namespace: infra,", "namespace: other-infra,", StringComparison.Ordinal);
        other = string.Join("---\n", other.Split("---\n").Where(d => !d.Contains("kind: GatewayClass", StringComparison.Ordinal)));

        var after = PolicyResolver.Resolve(ResourceSet.FromYaml(Scenario + "---\n" + other));

        var afterOriginal = after.Policies.Where(p => !p.Namespace.StartsWith("other-", StringComparison.Ordinal)).ToList();
        Assert.That(afterOriginal.Select(Line), Is.EqualTo(before.Policies.Select(Line)));
        Assert.That(after.Policies, Has.Length.EqualTo(before.Policies.Length * 2));
    }

    private static PolicyResolution Resolve(IEnumerable<JsonObject> documents) =>
        PolicyResolver.Resolve(ResourceSet.FromYaml(string.Join("---\n", documents.Select(d => d.ToJsonString() + "\n"))));

    // Per policy (sorted by identity, since the CLI lists policies in input order).
    private static string Render(PolicyResolution resolution) =>
        string.Join("\n", resolution.Policies.Select(Line).Order(StringComparer.Ordinal));

    private static string Line(PolicyStatusReport report) =>
        $"{report.Kind} {report.Namespace}/{report.Name}: " + string.Join(" | ", report.Ancestors.Select(a =>
            $"{a.AncestorRef} [{string.Join("; ", a.Conditions.Select(c => c.ToString()))}]"));

    private static List<JsonObject> Documents(string yaml) =>
        ResourceSet.FromYaml(yaml).Resources
            .Select(r => (JsonObject)JsonNode.Parse(Sdk.Runtime.ResourceSerializer.ToJson(r.Resource, indented: false))!)
            .ToList();

    private static JsonObject Stamp(JsonObject document, DateTime timestamp)
    {
        var copy = (JsonObject)document.DeepClone();
        ((JsonObject)copy["metadata"]!)["creationTimestamp"] = timestamp.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return copy;
    }
}
