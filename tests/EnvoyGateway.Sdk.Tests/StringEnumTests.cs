using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Tests.Models;
using k8s;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Tests;

public class StringEnumTests
{
    [Test]
    public void Known_values_are_known_and_compare_by_value()
    {
        SamplePolicySpecLoadBalancerType parsed = "RoundRobin";
        Assert.Multiple(() =>
        {
            Assert.That(parsed.IsKnown, Is.True);
            Assert.That(parsed == SamplePolicySpecLoadBalancerType.RoundRobin, Is.True);
            Assert.That(parsed != SamplePolicySpecLoadBalancerType.LeastRequest, Is.True);
            Assert.That(parsed.Equals((object)SamplePolicySpecLoadBalancerType.RoundRobin), Is.True);
            Assert.That(parsed.GetHashCode(), Is.EqualTo(SamplePolicySpecLoadBalancerType.RoundRobin.GetHashCode()));
            Assert.That(parsed.ToString(), Is.EqualTo("RoundRobin"));
            Assert.That((string?)parsed, Is.EqualTo("RoundRobin"));
        });
    }

    [Test]
    public void Comparison_is_ordinal_and_case_sensitive()
    {
        SamplePolicySpecLoadBalancerType lower = "roundrobin";
        Assert.Multiple(() =>
        {
            Assert.That(lower.IsKnown, Is.False);
            Assert.That(lower == SamplePolicySpecLoadBalancerType.RoundRobin, Is.False);
            Assert.That(lower == null, Is.False);
            Assert.That((SamplePolicySpecLoadBalancerType?)null == null, Is.True);
        });
    }

    [Test]
    public void Unknown_value_round_trips_through_KubernetesJson()
    {
        var json = """{"type":"Maglev"}""";
        var lb = KubernetesJson.Deserialize<SamplePolicySpecLoadBalancer>(json);
        Assert.Multiple(() =>
        {
            Assert.That(lb.Type.Value, Is.EqualTo("Maglev"));
            Assert.That(lb.Type.IsKnown, Is.False);
            Assert.That(KubernetesJson.Serialize(lb), Is.EqualTo(json));
        });
    }

    [Test]
    public void Unknown_value_round_trips_through_KubernetesYaml()
    {
        var lb = KubernetesYaml.Deserialize<SamplePolicySpecLoadBalancer>("type: Maglev\n");
        Assert.Multiple(() =>
        {
            Assert.That(lb.Type.Value, Is.EqualTo("Maglev"));
            Assert.That(lb.Type.IsKnown, Is.False);
            Assert.That(KubernetesYaml.Serialize(lb).Trim(), Is.EqualTo("type: Maglev"));
        });
    }

    [Test]
    public void Unknown_value_round_trips_through_ResourceSerializer()
    {
        var yaml = """
            apiVersion: tests.egsdk.example.com/v1alpha1
            kind: SamplePolicy
            metadata:
              name: p
            spec:
              loadBalancer:
                type: Maglev
            """;
        var policy = (SamplePolicy)ResourceSerializer.LoadYaml(yaml)[0].Resource;
        Assert.Multiple(() =>
        {
            Assert.That(policy.Spec.LoadBalancer!.Type.IsKnown, Is.False);
            Assert.That(ResourceSerializer.ToYaml([policy]), Does.Contain("type: Maglev"));
        });
    }

    [Test]
    public void A_plain_number_keeps_its_text()
    {
        var lb = JsonSerializer.Deserialize<SamplePolicySpecLoadBalancer>("""{"type":1.10}""")!;
        Assert.Multiple(() =>
        {
            Assert.That(lb.Type.Value, Is.EqualTo("1.10"));
            Assert.That(KubernetesYaml.Serialize(lb).Trim(), Is.EqualTo("type: \"1.10\""));
        });
    }
}
