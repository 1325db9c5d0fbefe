using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Translation.Tests.Conformance;

/// <summary>
/// The public policy-status corpus (../shared/conformance/policy-status) as NUnit tests: every policy's ancestors and
/// conditions, messages included, compared the way score.py compares them.
/// </summary>
public sealed class PolicyStatusConformanceTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        var root = SharedMaterial.SharedRoot;
        if (root is null)
        {
            yield return new TestCaseData("(../shared absent)").SetName("PolicyStatus (../shared absent)");
            yield break;
        }

        foreach (var dir in Directory.GetDirectories(Path.Combine(root, "conformance", "policy-status")).Order(System.StringComparer.Ordinal))
        {
            yield return new TestCaseData(Path.GetFileName(dir)).SetName("PolicyStatus " + Path.GetFileName(dir));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Statuses_match_envoy_gateway(string caseName)
    {
        var dir = SharedMaterial.Require(Path.Combine("conformance", "policy-status", caseName));
        var resolution = PolicyResolver.Resolve(ResourceSet.FromFiles(Path.Combine(dir, "in.yaml")));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));

        var want = expected.RootElement.GetProperty("policies").EnumerateArray()
            .ToDictionary(p => Key(p.GetProperty("kind").GetString()!, p.GetProperty("namespace").GetString()!, p.GetProperty("name").GetString()!),
                p => p.GetProperty("ancestors").EnumerateArray().SelectMany(a => ExpectedRows(a, p.GetProperty("namespace").GetString()!)).Order().ToList());
        var got = resolution.Policies.ToDictionary(p => Key(p.Kind, p.Namespace, p.Name), p => p.Ancestors.SelectMany(ActualRows).Order().ToList());

        Assert.Multiple(() =>
        {
            Assert.That(got.Keys, Is.EquivalentTo(want.Keys), "policies in the output");
            foreach (var (key, rows) in want)
            {
                if (got.TryGetValue(key, out var actual))
                {
                    Assert.That(actual, Is.EqualTo(rows), key);
                }
            }
        });
    }

    private static string Key(string kind, string ns, string name) => $"{kind} {ns}/{name}";

    private static IEnumerable<string> ExpectedRows(JsonElement ancestor, string policyNamespace)
    {
        var r = ancestor.GetProperty("ancestorRef");
        string Get(string name, string fallback) => r.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } s ? s : fallback;
        var reference = $"{Get("group", "gateway.networking.k8s.io")}/{Get("kind", "Gateway")} {Get("namespace", policyNamespace)}/{Get("name", "")}#{Get("sectionName", "")}";
        return ancestor.GetProperty("conditions").EnumerateArray().Select(c =>
            $"{reference} {c.GetProperty("type").GetString()}={c.GetProperty("status").GetString()}/{c.GetProperty("reason").GetString()}: {c.GetProperty("message").GetString()}");
    }

    private static IEnumerable<string> ActualRows(Sdk.Translation.Status.PolicyAncestorStatus ancestor)
    {
        var r = ancestor.AncestorRef;
        var reference = $"{r.Group}/{r.Kind} {r.Namespace}/{r.Name}#{r.SectionName ?? ""}";
        return ancestor.Conditions.Select(c => $"{reference} {c.Type}={c.Status}/{c.Reason}: {c.Message}");
    }
}
