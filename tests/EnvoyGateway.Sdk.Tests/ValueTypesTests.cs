using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Tests.Models;
using k8s;
using NUnit.Framework;
using IntOrString = EnvoyGateway.Sdk.Runtime.IntOrString;

namespace EnvoyGateway.Sdk.Tests;

/// <summary>IntOrString, Quantity, GatewayDuration and RawJson through KubernetesJson, KubernetesYaml and ResourceSerializer.</summary>
public class ValueTypesTests
{
    private const string SpecJson = """{"timeout":"1h30m","port":8080,"memory":"128Mi","config":{"b":[1.10,"x",null,true],"a":{}},"maxConnections":5}""";

    private const string SpecYaml = """
        timeout: 1h30m
        port: 8080
        memory: 128Mi
        config:
          b:
          - 1.10
          - x
          - null
          - true
          a: {}
        maxConnections: 5

        """;

    [Test]
    public void KubernetesJson_round_trip_keeps_every_value_exactly()
    {
        var spec = KubernetesJson.Deserialize<SamplePolicySpec>(SpecJson);
        AssertSpecValues(spec);
        Assert.That(KubernetesJson.Serialize(spec), Is.EqualTo(SpecJson));
    }

    [Test]
    public void KubernetesYaml_round_trip_keeps_every_value_exactly()
    {
        var spec = KubernetesYaml.Deserialize<SamplePolicySpec>(SpecYaml);
        AssertSpecValues(spec);
        Assert.That(KubernetesYaml.Serialize(spec), Is.EqualTo(SpecYaml.TrimEnd('\n')), "KubernetesYaml trims the last line end");
    }

    [Test]
    public void ResourceSerializer_round_trip_keeps_every_value_exactly()
    {
        var yaml = "apiVersion: tests.egsdk.example.com/v1alpha1\nkind: SamplePolicy\nmetadata:\n  name: p\nspec:\n"
            + string.Concat(SpecYaml.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + "\n"));
        var policy = (SamplePolicy)ResourceSerializer.LoadYaml(yaml)[0].Resource;
        AssertSpecValues(policy.Spec);
        Assert.Multiple(() =>
        {
            Assert.That(ResourceSerializer.ToYaml([policy]), Is.EqualTo(yaml));
            Assert.That(ResourceSerializer.ToJson(policy, indented: false), Is.EqualTo(
                """{"apiVersion":"tests.egsdk.example.com/v1alpha1","kind":"SamplePolicy","metadata":{"name":"p"},"spec":""" + SpecJson + "}"));
        });
    }

    [Test]
    public void String_forms_stay_strings_and_number_forms_stay_numbers()
    {
        const string json = """{"timeout":"10s","port":"http","memory":1024}""";
        var spec = KubernetesJson.Deserialize<SamplePolicySpec>(json);
        Assert.Multiple(() =>
        {
            Assert.That(spec.Port!.IsString, Is.True);
            Assert.That(spec.Port.StringValue, Is.EqualTo("http"));
            Assert.That(spec.Port.IntValue, Is.Null);
            Assert.That(spec.Memory!.IsNumber, Is.True);
            Assert.That(KubernetesJson.Serialize(spec), Is.EqualTo(json));
            Assert.That(KubernetesYaml.Serialize(spec), Is.EqualTo("timeout: 10s\nport: http\nmemory: 1024"));
        });
    }

    [Test]
    public void Quoted_numbers_stay_strings_through_KubernetesYaml()
    {
        var spec = KubernetesYaml.Deserialize<SamplePolicySpec>("port: \"8080\"\nmemory: \"1\"\n");
        Assert.Multiple(() =>
        {
            Assert.That(spec.Port!.IsString, Is.True);
            Assert.That(spec.Port, Is.EqualTo(IntOrString.FromString("8080")));
            Assert.That(spec.Port, Is.Not.EqualTo((IntOrString)8080));
            Assert.That(spec.Memory!.IsNumber, Is.False);
            Assert.That(KubernetesYaml.Serialize(spec), Is.EqualTo("port: \"8080\"\nmemory: \"1\""));
        });
    }

    [Test]
    public void IntOrString_conversions_and_equality()
    {
        IntOrString fromInt = 80;
        IntOrString fromLong = 80L;
        IntOrString fromString = "80%";
        Assert.Multiple(() =>
        {
            Assert.That(fromInt.IsInt, Is.True);
            Assert.That(fromInt.IntValue, Is.EqualTo(80));
            Assert.That(fromInt == fromLong, Is.True);
            Assert.That(fromInt.GetHashCode(), Is.EqualTo(fromLong.GetHashCode()));
            Assert.That(fromString.IsString, Is.True);
            Assert.That(fromString.ToString(), Is.EqualTo("80%"));
            Assert.That(fromString != fromInt, Is.True);
        });
    }

    [Test]
    public void IntOrString_keeps_a_fractional_number_for_validation()
    {
        var spec = JsonSerializer.Deserialize<SamplePolicySpec>("""{"port":1.5}""")!;
        Assert.Multiple(() =>
        {
            Assert.That(spec.Port!.IsInt, Is.False);
            Assert.That(spec.Port.IsString, Is.False);
            Assert.That(spec.Port.Value, Is.EqualTo("1.5"));
            Assert.That(JsonSerializer.Serialize(spec, ResourceSerializer.JsonOptions), Is.EqualTo("""{"port":1.5}"""));
        });
    }

    [Test]
    public void Quantity_conversions_and_equality()
    {
        Quantity text = "1Gi";
        Quantity number = 3L;
        Assert.Multiple(() =>
        {
            Assert.That(text.IsNumber, Is.False);
            Assert.That(number.IsNumber, Is.True);
            Assert.That(number.Value, Is.EqualTo("3"));
            Assert.That(Quantity.Parse("3"), Is.Not.EqualTo(number), "the JSON kind is part of the value");
            Assert.That(Quantity.Parse("1Gi") == text, Is.True);
            Assert.That(Quantity.Parse("1Gi").GetHashCode(), Is.EqualTo(text.GetHashCode()));
        });
    }

    [Test]
    public void Bad_values_are_kept_not_thrown()
    {
        var spec = KubernetesJson.Deserialize<SamplePolicySpec>("""{"timeout":"soon","memory":"lots"}""");
        Assert.Multiple(() =>
        {
            Assert.That(spec.Timeout!.Value, Is.EqualTo("soon"));
            Assert.That(spec.Timeout.TryGetTimeSpan(out _), Is.False);
            Assert.That(spec.Memory!.Value, Is.EqualTo("lots"));
        });
    }

    [Test]
    public void RawJson_equality_is_structural_and_it_is_immutable()
    {
        var a = RawJson.Parse("""{"x":1,"y":[true,null]}""");
        var b = RawJson.Parse("""{"y":[true,null],"x":1}""");
        using var document = JsonDocument.Parse("""{"x":2}""");
        var c = RawJson.FromElement(document.RootElement);
        Assert.Multiple(() =>
        {
            Assert.That(a == b, Is.True);
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
            Assert.That(a != c, Is.True);
            Assert.That(a.ToString(), Is.EqualTo("""{"x":1,"y":[true,null]}"""));
        });

        document.Dispose();
        Assert.That(c.Element.GetProperty("x").GetInt32(), Is.EqualTo(2), "the value outlives the document it came from");
    }

    [Test]
    public void RawJson_reads_any_yaml_through_KubernetesYaml()
    {
        var spec = KubernetesYaml.Deserialize<SamplePolicySpec>("config:\n  list: [1, '2', {a: ~}]\n  text: |\n    two\n    lines\n");
        JsonAssert.AreEquivalent(JsonNode.Parse("""{"list":[1,"2",{"a":null}],"text":"two\nlines\n"}"""), JsonNode.Parse(spec.Config!.ToString()));
    }

    private static void AssertSpecValues(SamplePolicySpec spec)
    {
        Assert.Multiple(() =>
        {
            Assert.That(spec.Timeout, Is.EqualTo((GatewayDuration)"1h30m"));
            Assert.That(spec.Timeout!.TryGetTimeSpan(out var timeout), Is.True);
            Assert.That(timeout, Is.EqualTo(System.TimeSpan.FromMinutes(90)));
            Assert.That(spec.Port!.IsInt, Is.True);
            Assert.That(spec.Port.IntValue, Is.EqualTo(8080));
            Assert.That(spec.Memory, Is.EqualTo((Quantity)"128Mi"));
            Assert.That(spec.Config!.Element.GetProperty("b")[0].GetRawText(), Is.EqualTo("1.10"));
            Assert.That(spec.MaxConnections, Is.EqualTo(5));
        });
    }
}
