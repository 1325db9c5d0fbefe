using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Tests.Models;
using k8s.Models;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Tests;

public class RoundTripTests
{
    // Unknown fields at the root, in spec, in a list item, two levels down, in a map-less object, plus awkward scalars.
    private const string WithUnknownFields = """
        apiVersion: tests.egsdk.example.com/v1alpha1
        kind: SamplePolicy
        metadata:
          name: lossless
          labels:
            app.kubernetes.io/name: web
          annotations:
            note: "yes"
        topLevelExtra:
          nested: {deep: [1, 2.50, -0, 1e3, 1.10]}
        spec:
          targetRefs:
          - group: gateway.networking.k8s.io
            kind: HTTPRoute
            name: a
          - group: gateway.networking.k8s.io
            kind: Gateway
            name: b
            futureField: {x: 1}
          loadBalancer:
            type: RoundRobin
            slowStart:
              window: 30s
              rampUp: linear
            hashOn: [header]
          tcp:
            connectTimeout: 2s
            retries: 3
            keepalive: {idleTime: 1h, probes: 9}
          specExtra:
            strings: ["yes", "no", "on", "off", "y", "n", "null", "~", "", " lead", "trail ", "1.10", "007", "0x1F", "0o17", "+1", ".5", "1e3", "1_000", "1:30", ".inf", "2024-01-01", "a: b", "#x", "- x", "@x", "*x", "&x", "!x", "%x", "{x}", "[x]", "é ü ✓", "tab\there", "quote\"s", "back\\slash", "true", "False"]
            plainButNotJson: [0x1F, 0o17, +1, .5, 007, .inf, yes, no, 1_000]
            multiLine: |
              first line
                indented second
              third
            folded: >-
              folded text
              continues
            empty: {}
            emptyList: []
            nothing: null
            alsoNothing: ~
            flag: true
            bigNumber: 123456789012345678901234567890
            precise: 3.14159265358979323846264338327950288
        """;

    [Test]
    public void Yaml_model_yaml_is_json_equal_including_unknown_fields()
    {
        var loaded = ResourceSerializer.LoadYaml(WithUnknownFields, "lossless.yaml");
        var output = ResourceSerializer.ToYaml([loaded[0].Resource]);
        JsonAssert.AreEquivalent(JsonAssert.ParseYamlStream(WithUnknownFields), JsonAssert.ParseYamlStream(output));
    }

    [Test]
    public void Unknown_fields_land_in_AdditionalProperties_at_every_depth()
    {
        var policy = (SamplePolicy)ResourceSerializer.LoadYaml(WithUnknownFields)[0].Resource;
        Assert.Multiple(() =>
        {
            Assert.That(policy.AdditionalProperties!.Keys, Is.EquivalentTo(new[] { "topLevelExtra" }));
            Assert.That(policy.Spec.AdditionalProperties!.Keys, Is.EquivalentTo(new[] { "specExtra" }));
            Assert.That(policy.Spec.TargetRefs![1].AdditionalProperties!.Keys, Is.EquivalentTo(new[] { "futureField" }));
            Assert.That(policy.Spec.LoadBalancer!.AdditionalProperties!.Keys, Is.EquivalentTo(new[] { "hashOn" }));
            Assert.That(policy.Spec.LoadBalancer.SlowStart!.AdditionalProperties!.Keys, Is.EquivalentTo(new[] { "rampUp" }));
            Assert.That(policy.Spec.Tcp!.AdditionalProperties!.Keys, Is.EquivalentTo(new[] { "keepalive" }));
            Assert.That(policy.Spec.TargetRefs[0].AdditionalProperties, Is.Null);
        });
    }

    [Test]
    public void Numbers_keep_their_exact_text_in_unknown_fields()
    {
        var output = ResourceSerializer.ToYaml([ResourceSerializer.LoadYaml(WithUnknownFields)[0]]);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("    - 2.50\n"));
            Assert.That(output, Does.Contain("    - 1.10\n"));
            Assert.That(output, Does.Contain("    - -0\n"));
            Assert.That(output, Does.Contain("    - 1e3\n"));
            Assert.That(output, Does.Contain("bigNumber: 123456789012345678901234567890\n"));
            Assert.That(output, Does.Contain("precise: 3.14159265358979323846264338327950288\n"));
            Assert.That(output, Does.Contain("- \"1.10\"\n"));
            Assert.That(output, Does.Contain("- \"007\"\n"));
            Assert.That(output, Does.Contain("- \"yes\"\n"));
            Assert.That(output, Does.Contain("note: \"yes\"\n"));
        });
    }

    [Test]
    public void Scalars_in_known_fields_round_trip()
    {
        const string yaml = """
            apiVersion: tests.egsdk.example.com/v1alpha1
            kind: SamplePolicy
            metadata:
              name: scalars
            spec:
              port: "8080"
              memory: 1.10
              maxConnections: "1024"
              weight: 1.10
              version: "1.10"
              headers:
                x-quoted-number: "10"
                x-plain-number: 10
                x-bool: true
            """;
        var policy = (SamplePolicy)ResourceSerializer.LoadYaml(yaml)[0].Resource;
        var output = ResourceSerializer.ToYaml([policy]);
        Assert.Multiple(() =>
        {
            Assert.That(policy.Spec.Port!.IsString, Is.True);
            Assert.That(policy.Spec.Memory!.Value, Is.EqualTo("1.10"));
            Assert.That(policy.Spec.MaxConnections, Is.EqualTo(1024), "a number written as a string is accepted for a numeric field");
            Assert.That(policy.Spec.Version, Is.EqualTo("1.10"));
            Assert.That(policy.Spec.Headers!["x-plain-number"], Is.EqualTo("10"), "a plain number is accepted for a string field, with its text");
            Assert.That(policy.Spec.Headers["x-bool"], Is.EqualTo("true"));
            Assert.That(output, Does.Contain("  port: \"8080\"\n"));
            Assert.That(output, Does.Contain("  memory: 1.10\n"), "a quantity keeps its text and its JSON kind");
            Assert.That(output, Does.Contain("  maxConnections: 1024\n"));
            Assert.That(output, Does.Contain("  weight: 1.1\n"), "a double field holds the value, not the text");
            Assert.That(output, Does.Contain("  version: \"1.10\"\n"));
            Assert.That(output, Does.Contain("    x-quoted-number: \"10\"\n"));
            Assert.That(output, Does.Contain("    x-plain-number: \"10\"\n"), "the string field writes a string");
        });
    }

    [Test]
    public void Plain_number_in_a_string_field_keeps_its_text()
    {
        var policy = (SamplePolicy)ResourceSerializer.LoadYaml("""
            apiVersion: tests.egsdk.example.com/v1alpha1
            kind: SamplePolicy
            metadata: {name: v}
            spec: {version: 1.10}
            """)[0].Resource;
        Assert.That(policy.Spec.Version, Is.EqualTo("1.10"));
    }

    [Test]
    public void Output_is_deterministic_and_stable()
    {
        var first = ResourceSerializer.ToYaml(ResourceSerializer.LoadYaml(WithUnknownFields));
        var second = ResourceSerializer.ToYaml(ResourceSerializer.LoadYaml(WithUnknownFields));
        var third = ResourceSerializer.ToYaml(ResourceSerializer.LoadYaml(first));
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(third, Is.EqualTo(first), "writing what was written changes nothing");
            Assert.That(first, Does.Not.Contain("\r"));
            Assert.That(ResourceSerializer.ToJson(ResourceSerializer.LoadYaml(WithUnknownFields)[0]), Is.EqualTo(ResourceSerializer.ToJson(ResourceSerializer.LoadYaml(first)[0])));
        });
    }

    [Test]
    public void Multi_document_output_round_trips_every_kind()
    {
        const string yaml = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
              creationTimestamp: "2024-05-01T10:00:00Z"
            type: Opaque
            data:
              password: aHVudGVyMg==
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: backend
            spec:
              ports:
              - port: 80
                targetPort: 8080
              - port: 443
                targetPort: https
            ---
            apiVersion: example.com/v9
            kind: Gizmo
            spec:
              anything: [1.10, {a: b}]
            """;
        var loaded = ResourceSerializer.LoadYaml(yaml);
        var output = ResourceSerializer.ToYaml(loaded);
        Assert.Multiple(() =>
        {
            Assert.That(((V1Secret)loaded[0].Resource).Data["password"], Is.EqualTo("hunter2"u8.ToArray()));
            Assert.That(output.Split("\n---\n"), Has.Length.EqualTo(3));
            Assert.That(output, Does.Not.StartWith("---"));
        });
        JsonAssert.AreEquivalent(JsonAssert.ParseYamlStream(yaml), JsonAssert.ParseYamlStream(output));
    }

    [Test]
    public void Json_round_trip_is_json_equal()
    {
        const string json = """{"apiVersion":"tests.egsdk.example.com/v1alpha1","kind":"SamplePolicy","metadata":{"name":"j"},"spec":{"timeout":"1s","unknown":{"n":1.10,"s":"x","l":[null,false]}},"extra":0.5}""";
        var loaded = ResourceSerializer.LoadJson(json);
        Assert.Multiple(() =>
        {
            Assert.That(ResourceSerializer.ToJson(loaded[0], indented: false), Is.EqualTo(json));
            JsonAssert.AreEquivalent(JsonNode.Parse(json), JsonNode.Parse(ResourceSerializer.ToJson(loaded[0])));
        });
    }

    [Test]
    public void Anchors_and_aliases_are_expanded()
    {
        const string yaml = """
            apiVersion: example.com/v1
            kind: Gizmo
            spec:
              base: &base {a: 1, b: [x]}
              copy: *base
            """;
        var unknown = (UnknownResource)ResourceSerializer.LoadYaml(yaml)[0].Resource;
        Assert.That(unknown.Json.GetProperty("spec").GetProperty("copy").GetRawText(), Is.EqualTo("""{"a":1,"b":["x"]}"""));
    }

    [Test]
    public void Built_models_write_without_nulls()
    {
        var policy = new SamplePolicy
        {
            Metadata = new V1ObjectMeta { Name = "built", NamespaceProperty = "ns" },
            Spec = new SamplePolicySpec { Timeout = System.TimeSpan.FromSeconds(90), Port = 8080, LoadBalancer = new SamplePolicySpecLoadBalancer { Type = SamplePolicySpecLoadBalancerType.LeastRequest } },
        };
        Assert.That(ResourceSerializer.ToYaml([policy]), Is.EqualTo("""
            apiVersion: tests.egsdk.example.com/v1alpha1
            kind: SamplePolicy
            metadata:
              name: built
              namespace: ns
            spec:
              loadBalancer:
                type: LeastRequest
              timeout: 1m30s
              port: 8080

            """));
    }
}
