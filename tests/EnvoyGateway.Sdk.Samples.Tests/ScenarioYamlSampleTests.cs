using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Samples.Tests.Support;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Samples.Tests;

/// <summary>
/// samples/ScenarioYaml/gateway-with-policies.yaml, run through the README's command, shows every outcome a policy can
/// have: Accepted, Overridden, Merged and Conflicted.
/// </summary>
[TestFixture]
public sealed class ScenarioYamlSampleTests
{
    private const string SamplePath = "samples/ScenarioYaml/gateway-with-policies.yaml";

    private static JsonArray? output;
    private static string errors = string.Empty;

    [OneTimeSetUp]
    public void RunTheCommand()
    {
        var (exitCode, stdout, stderr) = Egsdk.Run(SharedMaterial.RepositoryRoot, "translate", "-f", SamplePath);
        Assert.That(exitCode, Is.Zero, stderr);
        output = JsonNode.Parse(stdout)!.AsArray();
        errors = stderr;
    }

    [Test]
    public void Every_resource_of_the_sample_is_read_without_warnings() => Assert.That(errors, Is.Empty);

    [Test]
    public void The_output_shows_accepted_overridden_merged_and_conflicted()
    {
        var outcomes = Policies().SelectMany(p => p.Value).ToHashSet();
        Assert.That(outcomes, Is.SupersetOf(new[] { "Accepted/True/Accepted", "Overridden/True/Overridden", "Merged/True/Merged", "Accepted/False/Conflicted" }));
    }

    [TestCase("BackendTrafficPolicy/gateway-policy", new[] { "Accepted/True/Accepted", "Merged/True/Merged", "Overridden/True/Overridden" })]
    [TestCase("BackendTrafficPolicy/route-policy", new[] { "Accepted/True/Accepted" })]
    [TestCase("BackendTrafficPolicy/https-policy", new[] { "Accepted/True/Accepted", "Overridden/True/Overridden" })]
    [TestCase("BackendTrafficPolicy/shop-merge", new[] { "Merged/True/Merged", "Accepted/True/Accepted", "Overridden/True/Overridden" })]
    [TestCase("BackendTrafficPolicy/checkout-retries", new[] { "Accepted/True/Accepted" })]
    [TestCase("BackendTrafficPolicy/api-timeouts", new[] { "Accepted/True/Accepted" })]
    [TestCase("BackendTrafficPolicy/api-timeouts-again", new[] { "Accepted/False/Conflicted" })]
    [TestCase("ClientTrafficPolicy/listener-specific-policy", new[] { "Accepted/True/Accepted" })]
    [TestCase("ClientTrafficPolicy/gateway-wide-policy", new[] { "Overridden/True/Overridden", "Accepted/True/Accepted" })]
    [TestCase("SecurityPolicy/listener-policy", new[] { "Accepted/True/Accepted" })]
    [TestCase("SecurityPolicy/gateway-policy", new[] { "Accepted/True/Accepted", "Overridden/True/Overridden" })]
    public void Each_policy_gets_the_conditions_the_sample_header_promises(string policy, string[] conditions) =>
        Assert.That(Policies()[policy], Is.EqualTo(conditions));

    /// <summary>"Kind/name" to the "type/status/reason" of its conditions, across its ancestors (one each here).</summary>
    private static Dictionary<string, List<string>> Policies() =>
        output!.Select(p => p!.AsObject()).ToDictionary(
            p => $"{p["kind"]}/{p["metadata"]!["name"]}",
            p => p["status"]!["ancestors"]!.AsArray()
                .SelectMany(a => a!["conditions"]!.AsArray())
                .Select(c => $"{c!["type"]}/{c["status"]}/{c["reason"]}")
                .ToList());
}
