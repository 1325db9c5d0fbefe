using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Samples.FluentPolicies;
using EnvoyGateway.Sdk.Samples.Tests.Support;
using EnvoyGateway.Sdk.TestSupport;
using EnvoyGateway.Sdk.Validation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Samples.Tests;

/// <summary>
/// samples/FluentPolicies reproduces the product brief's policy examples. The brief's YAML is kept, re-indented, in
/// TestData/brief-*.yaml (the brief text lost its indentation); it differs from what the CRDs accept in two places,
/// which the sample writes the valid way: every targetRef needs <c>group</c>, and CORS <c>allowOrigins</c> items are
/// plain strings, not <c>{exact: ...}</c> objects.
/// </summary>
[TestFixture]
public sealed class FluentPoliciesSampleTests
{
    private const string GatewayApiGroup = "gateway.networking.k8s.io";

    private static readonly string[] BriefFiles = ["brief-backendtrafficpolicy.yaml", "brief-clienttrafficpolicy.yaml", "brief-securitypolicy.yaml"];

    [OneTimeSetUp]
    public void RegisterOurSchemas()
    {
        // The validator knows no schema until one is registered; ours are the CRDs in schemas/.
        foreach (var file in Directory.GetFiles(Path.Combine(SharedMaterial.RepositoryRoot, "schemas"), "gateway.envoyproxy.io_*.yaml"))
        {
            SchemaRegistry.LoadCrdFile(file);
        }
    }

    [Test]
    public void The_test_data_is_the_briefs_yaml_line_for_line()
    {
        var brief = File.ReadAllLines(SharedMaterial.Require("docs/product-brief.txt")).Select(l => l.Trim()).ToList();
        foreach (var file in BriefFiles)
        {
            var lines = TestData.Read(file).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            Assert.That(IndexOfRun(brief, lines), Is.GreaterThanOrEqualTo(0), $"{file} is not a contiguous block of the brief (indentation aside)");
        }
    }

    [Test]
    public void The_sample_prints_yaml_that_loads_back_as_the_six_typed_policies()
    {
        var loaded = ResourceSerializer.LoadYaml(BriefPolicies.ToYaml(), "sample.yaml");
        Assert.That(loaded.Select(r => r.Resource.GetType()), Is.EqualTo(new[]
        {
            typeof(BackendTrafficPolicy), typeof(BackendTrafficPolicy),
            typeof(ClientTrafficPolicy), typeof(ClientTrafficPolicy),
            typeof(SecurityPolicy), typeof(SecurityPolicy),
        }));
    }

    [Test]
    public void The_sample_equals_the_briefs_examples_once_they_are_made_valid()
    {
        var actual = ResourceSerializer.LoadYaml(BriefPolicies.ToYaml(), "sample.yaml")
            .Select(r => JsonNode.Parse(ResourceSerializer.ToJson(r)))
            .ToList();
        var expected = BriefFiles.SelectMany(f => YamlDocuments.Read(TestData.Read(f))).Select(MakeValid).ToList();

        Assert.That(actual, Has.Count.EqualTo(expected.Count));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.That(JsonNode.DeepEquals(actual[i], expected[i]), Is.True,
                $"document {i + 1}:\nsample: {actual[i]?.ToJsonString()}\nbrief:  {expected[i]?.ToJsonString()}");
        }
    }

    [Test]
    public void The_samples_policies_pass_validation()
    {
        foreach (var policy in BriefPolicies.All())
        {
            var report = ResourceValidator.Validate(policy);
            Assert.That(report.IsValid, Is.True, $"{report.Subject}:\n{report}");
        }
    }

    [Test]
    public void The_briefs_literal_yaml_fails_validation_exactly_where_the_sample_differs()
    {
        var paths = BriefFiles
            .SelectMany(f => ResourceValidator.ValidateYaml(TestData.Read(f), f))
            .SelectMany(report => report.Select(e => e.Path))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(paths, Is.EqualTo(new[]
        {
            "spec.cors.allowOrigins[0]", // an object where a string is required
            "spec.cors.allowOrigins[0].exact", // a field the schema does not have
            "spec.targetRefs[0].group", // required
        }));
    }

    /// <summary>The two edits that make the brief's examples valid; everything else must match as written.</summary>
    private static JsonNode? MakeValid(JsonNode? document)
    {
        var spec = document!["spec"]!.AsObject();
        foreach (var target in spec["targetRefs"]!.AsArray())
        {
            target!.AsObject().TryAdd("group", GatewayApiGroup);
        }

        if (spec["cors"]?["allowOrigins"] is JsonArray origins)
        {
            var strings = origins.Select(o => o is JsonObject match ? match["exact"]!.GetValue<string>() : o!.GetValue<string>()).ToList();
            origins.Clear();
            strings.ForEach(s => origins.Add(s));
        }

        return document;
    }

    private static int IndexOfRun(List<string> haystack, List<string> run)
    {
        for (var start = 0; start + run.Count <= haystack.Count; start++)
        {
            if (haystack.Skip(start).Take(run.Count).SequenceEqual(run, StringComparer.Ordinal))
            {
                return start;
            }
        }

        return -1;
    }
}
