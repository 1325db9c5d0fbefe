using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
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
    public static IEnumerable<TestCaseData> Cases() =>
        PolicyStatusCases.Names(n => n.StartsWith("securitypolicy-", System.StringComparison.Ordinal), "(shared material missing)")
            .Select(n => new TestCaseData(n).SetName(n.StartsWith('(') ? "Conformance_cases_need_shared_material" : "Conformance_" + n));

    [TestCaseSource(nameof(Cases))]
    public void Security_policy_messages_match(string caseName)
    {
        var resources = PolicyStatusCases.Load(caseName, out var expectedJson);
        using var expected = expectedJson;
        var context = TestContext.FromResources(resources);
        var checkedPolicies = 0;
        foreach (var policy in resources.OfType<SecurityPolicy>())
        {
            if (policy.Spec?.MergeType is not null)
            {
                continue;
            }

            var accepted = PolicyStatusCases.AcceptedConditions(expected.RootElement, "SecurityPolicy", policy.Metadata.NamespaceProperty ?? "default", policy.Metadata.Name);
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
}
