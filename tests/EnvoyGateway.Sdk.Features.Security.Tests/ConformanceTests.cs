using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.TestSupport;
using EnvoyGateway.Sdk.Translation.Features.Security;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Security.Tests;

/// <summary>
/// Public policy-status cases: every non-merging SecurityPolicy whose ancestors all agree on <c>Accepted</c> is built
/// against the case's objects; an Invalid translation must give the case's message, an accepted one no error.
/// </summary>
[TestFixture]
public sealed class ConformanceTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        var root = SharedMaterial.SharedRoot;
        var dir = root is null ? null : Path.Combine(root, "conformance", "policy-status");
        if (dir is null || !Directory.Exists(dir))
        {
            yield return new TestCaseData("(shared material missing)").SetName("Conformance_cases_need_shared_material");
            yield break;
        }

        foreach (var caseDir in Directory.GetDirectories(dir, "securitypolicy-*").OrderBy(d => d, System.StringComparer.Ordinal))
        {
            yield return new TestCaseData(Path.GetFileName(caseDir)).SetName("Conformance_" + Path.GetFileName(caseDir));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Security_policy_messages_match(string caseName)
    {
        var dir = SharedMaterial.Require(Path.Combine("conformance", "policy-status", caseName));
        var resources = ResourceSerializer.LoadYamlFile(Path.Combine(dir, "in.yaml")).Select(r => r.Resource).ToList();
        var context = TestContext.FromResources(resources);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var checkedPolicies = 0;
        foreach (var policy in resources.OfType<SecurityPolicy>())
        {
            if (policy.Spec?.MergeType is not null)
            {
                continue;
            }

            var accepted = AcceptedConditions(expected.RootElement, policy.Metadata.NamespaceProperty ?? "default", policy.Metadata.Name);
            if (accepted.Count == 0 || accepted.Distinct().Count() != 1)
            {
                continue;
            }

            var (status, reason, message) = accepted[0];
            if (status == "True")
            {
                var target = new SecurityTarget(false, true, IsGatewayTarget: IsGatewayTarget(policy));
                var errors = SecurityPolicyFeatures.Build(policy, target, context);
                Assert.That(errors.Any, Is.False, $"{policy.Metadata.Name}: {string.Join(" | ", errors.Items)}");
                checkedPolicies++;
            }
            else if (reason == "Invalid" && !message.StartsWith("Invalid SecurityPolicy", System.StringComparison.Ordinal))
            {
                var target = new SecurityTarget(false, true, IsGatewayTarget: IsGatewayTarget(policy));
                var errors = SecurityPolicyFeatures.Build(policy, target, context);
                Assert.That(errors.ToConditionMessage(), Is.EqualTo(message), policy.Metadata.Name);
                checkedPolicies++;
            }
        }

        Assert.Pass($"{checkedPolicies} policies checked");
    }

    private static bool IsGatewayTarget(SecurityPolicy policy)
    {
        var kind = policy.Spec?.TargetRef?.Kind ?? policy.Spec?.TargetRefs?.FirstOrDefault()?.Kind ?? policy.Spec?.TargetSelectors?.FirstOrDefault()?.Kind;
        return kind is "Gateway" or "ListenerSet";
    }

    private static List<(string Status, string Reason, string Message)> AcceptedConditions(JsonElement root, string ns, string name)
    {
        var result = new List<(string, string, string)>();
        foreach (var policy in root.GetProperty("policies").EnumerateArray())
        {
            if (policy.GetProperty("kind").GetString() != "SecurityPolicy" || policy.GetProperty("namespace").GetString() != ns || policy.GetProperty("name").GetString() != name)
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
