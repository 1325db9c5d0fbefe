using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.TestSupport;

/// <summary>
/// The public policy-status conformance cases under ../shared/conformance/policy-status, as the feature test projects
/// read them: case names, a case's input resources and expected.json, and a policy's expected <c>Accepted</c> conditions.
/// </summary>
internal static class PolicyStatusCases
{
    private static readonly string Folder = Path.Combine("conformance", "policy-status");

    /// <summary>
    /// The case names <paramref name="include"/> selects, in ordinal order. Without shared material it yields
    /// <paramref name="whenMissing"/> alone, so the test runs and <see cref="SharedMaterial.Require"/> reports why.
    /// </summary>
    public static IEnumerable<string> Names(Func<string, bool> include, string whenMissing)
    {
        var root = SharedMaterial.SharedRoot;
        var dir = root is null ? null : Path.Combine(root, Folder);
        if (dir is null || !Directory.Exists(dir))
        {
            return [whenMissing];
        }

        return Directory.GetDirectories(dir).Select(Path.GetFileName).OfType<string>().Where(include).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>The resources of the case's in.yaml; <paramref name="expected"/> is its expected.json (dispose it).</summary>
    public static List<object> Load(string caseName, out JsonDocument expected)
    {
        var dir = SharedMaterial.Require(Path.Combine(Folder, caseName));
        var resources = ResourceSerializer.LoadYamlFile(Path.Combine(dir, "in.yaml")).Select(r => r.Resource).ToList();
        expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        return resources;
    }

    /// <summary>The <c>Accepted</c> conditions expected on every ancestor of the policy <paramref name="kind"/> <paramref name="ns"/>/<paramref name="name"/>.</summary>
    public static List<(string Status, string Reason, string Message)> AcceptedConditions(JsonElement expected, string kind, string? ns, string name)
    {
        var result = new List<(string, string, string)>();
        foreach (var policy in expected.GetProperty("policies").EnumerateArray())
        {
            if (policy.GetProperty("kind").GetString() != kind
                || policy.GetProperty("namespace").GetString() != ns || policy.GetProperty("name").GetString() != name)
            {
                continue;
            }

            foreach (var ancestor in policy.GetProperty("ancestors").EnumerateArray())
            {
                foreach (var condition in ancestor.GetProperty("conditions").EnumerateArray())
                {
                    if (condition.GetProperty("type").GetString() == "Accepted")
                    {
                        result.Add((condition.GetProperty("status").GetString()!, condition.GetProperty("reason").GetString()!, condition.GetProperty("message").GetString()!));
                    }
                }
            }
        }

        return result;
    }
}
