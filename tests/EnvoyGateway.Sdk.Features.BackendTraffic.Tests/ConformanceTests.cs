using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.TestSupport;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.BackendTraffic.Tests;

/// <summary>
/// Public policy-status cases: every BackendTrafficPolicy whose ancestors report a feature error gets exactly that
/// message; every policy accepted everywhere builds without error.
/// </summary>
public class ConformanceTests
{
    private static readonly string[] Prefixes =
    {
        "RateLimit: ", "BandwidthLimit: ", "LoadBalancer: ", "CircuitBreaker: ", "TCPKeepalive: ", "Retry: ", "Timeout: ",
        "BackendConnection: ", "HTTP2: ", "ResponseOverride: ", "RequestBuffer: ", "Telemetry: ",
    };

    private static IEnumerable<string> CaseNames()
    {
        var root = SharedMaterial.SharedRoot;
        if (root is null)
        {
            yield return "backendtrafficpolicy-with-circuitbreakers-error";
            yield break;
        }

        foreach (var dir in Directory.GetDirectories(Path.Combine(root, "conformance", "policy-status")).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (name.Contains("backendtrafficpolicy", StringComparison.Ordinal))
            {
                yield return name;
            }
        }
    }

    [TestCaseSource(nameof(CaseNames))]
    public void Feature_errors_match_the_expected_conditions(string caseName)
    {
        var dir = SharedMaterial.Require(Path.Combine("conformance", "policy-status", caseName));
        var resources = ResourceSerializer.LoadYamlFile(Path.Combine(dir, "in.yaml")).Select(r => r.Resource).ToList();
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var context = new FakeFeatureContext(resources);
        var checkedAny = false;
        foreach (var policy in resources.OfType<BackendTrafficPolicy>())
        {
            var accepted = AcceptedConditions(expected.RootElement, policy.Metadata.NamespaceProperty, policy.Metadata.Name).ToList();
            if (accepted.Count == 0)
            {
                continue;
            }

            var invalid = accepted.FirstOrDefault(c => c.Status == "False" && c.Reason == "Invalid" && Prefixes.Any(p => c.Message.StartsWith(p, StringComparison.Ordinal)));
            var errors = BackendTrafficFeatures.Build(policy, context);
            if (invalid.Message is not null)
            {
                Assert.That(errors.ToConditionMessage(), Is.EqualTo(invalid.Message), $"{policy.Metadata.NamespaceProperty}/{policy.Metadata.Name}");
                checkedAny = true;
            }
            else if (accepted.All(c => c.Status == "True"))
            {
                Assert.That(errors.Items, Is.Empty, $"{policy.Metadata.NamespaceProperty}/{policy.Metadata.Name}");
                checkedAny = true;
            }
        }

        if (!checkedAny)
        {
            Assert.Pass("No BackendTrafficPolicy in this case reports a feature outcome.");
        }
    }

    private static IEnumerable<(string Status, string Reason, string Message)> AcceptedConditions(JsonElement root, string ns, string name)
    {
        foreach (var policy in root.GetProperty("policies").EnumerateArray())
        {
            if (policy.GetProperty("kind").GetString() != "BackendTrafficPolicy"
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
                        yield return (condition.GetProperty("status").GetString()!, condition.GetProperty("reason").GetString()!, condition.GetProperty("message").GetString()!);
                    }
                }
            }
        }
    }
}
