using System;
using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
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

    private static IEnumerable<string> CaseNames() =>
        PolicyStatusCases.Names(n => n.Contains("backendtrafficpolicy", StringComparison.Ordinal), "backendtrafficpolicy-with-circuitbreakers-error");

    [TestCaseSource(nameof(CaseNames))]
    public void Feature_errors_match_the_expected_conditions(string caseName)
    {
        var resources = PolicyStatusCases.Load(caseName, out var expectedJson);
        using var expected = expectedJson;
        var context = new FakeFeatureContext(resources);
        var checkedAny = false;
        foreach (var policy in resources.OfType<BackendTrafficPolicy>())
        {
            var accepted = PolicyStatusCases.AcceptedConditions(expected.RootElement, "BackendTrafficPolicy", policy.Metadata.NamespaceProperty, policy.Metadata.Name);
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
}
