using EnvoyGateway.Sdk.Runtime;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Tests;

public class LoadErrorTests
{
    private const string Header = "apiVersion: tests.egsdk.example.com/v1alpha1\nkind: SamplePolicy\nmetadata:\n  name: p\n";

    private static ResourceLoadException LoadFails(string yaml, string file = "policies.yaml") =>
        Assert.Throws<ResourceLoadException>(() => ResourceSerializer.LoadYaml(yaml, file))!;

    [Test]
    public void Error_in_document_3_reports_file_line_and_column()
    {
        var yaml = Header + "spec: {}\n---\n" + Header + "spec: {}\n---\n" + Header + "spec:\n  tcp:\n    - connectTimeout: 1s\n";
        var error = LoadFails(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("policies.yaml:19:5: document 3 (SamplePolicy \"p\"): spec.tcp: expected an object, found a list"));
            Assert.That(error.File, Is.EqualTo("policies.yaml"));
            Assert.That(error.Line, Is.EqualTo(19));
            Assert.That(error.Column, Is.EqualTo(5));
            Assert.That(error.DocumentIndex, Is.EqualTo(2));
            Assert.That(error.Path, Is.EqualTo("spec.tcp"));
            Assert.That(error.Problem, Is.EqualTo("document 3 (SamplePolicy \"p\"): spec.tcp: expected an object, found a list"));
            Assert.That(error.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
        });
    }

    [TestCase("spec:\n  targetRefs: abc\n", "policies.yaml:6:15: document 1 (SamplePolicy \"p\"): spec.targetRefs: expected a list, found the string \"abc\"")]
    [TestCase("spec:\n  maxConnections: lots\n", "policies.yaml:6:19: document 1 (SamplePolicy \"p\"): spec.maxConnections: expected an integer, found the string \"lots\"")]
    [TestCase("spec:\n  maxConnections: [1]\n", "policies.yaml:6:19: document 1 (SamplePolicy \"p\"): spec.maxConnections: expected an integer, found a list")]
    [TestCase("spec:\n  enabled: {a: 1}\n", "policies.yaml:6:12: document 1 (SamplePolicy \"p\"): spec.enabled: expected a boolean, found an object")]
    [TestCase("spec:\n  port: {a: 1}\n", "policies.yaml:6:9: document 1 (SamplePolicy \"p\"): spec.port: expected an integer or a string, found an object")]
    [TestCase("spec:\n  timeout: [1s]\n", "policies.yaml:6:12: document 1 (SamplePolicy \"p\"): spec.timeout: expected a duration string such as \"10s\", found a list")]
    [TestCase("spec:\n  targetRefs:\n  - name: [x]\n", "policies.yaml:7:11: document 1 (SamplePolicy \"p\"): spec.targetRefs[0].name: expected a string, found a list")]
    [TestCase("spec:\n  headers: [a]\n", "policies.yaml:6:12: document 1 (SamplePolicy \"p\"): spec.headers: expected an object (a map), found a list")]
    [TestCase("spec:\n  loadBalancer:\n    type: {}\n", "policies.yaml:7:11: document 1 (SamplePolicy \"p\"): spec.loadBalancer.type: expected a string, found an object")]
    [TestCase("spec:\n  tcp:\n    retries: 99999999999\n", "policies.yaml:7:14: document 1 (SamplePolicy \"p\"): spec.tcp.retries: expected an integer, found the number 99999999999")]
    [TestCase("spec: []\n", "policies.yaml:5:7: document 1 (SamplePolicy \"p\"): spec: expected an object, found a list")]
    public void Wrong_node_kinds_name_the_path_and_what_was_expected(string spec, string message)
    {
        Assert.That(LoadFails(Header + spec).Message, Is.EqualTo(message));
    }

    [Test]
    public void Secret_values_are_never_echoed()
    {
        var policy = LoadFails(Header + "spec:\n  clientSecret: s3cr3t-value\n");
        var secret = LoadFails("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData: topsecret\n");
        var token = LoadFails(Header + "spec:\n  targetRefs:\n  - name: x\n    group: g\n    kind: k\n  headers:\n    apiToken: [abc123]\n  maxConnections: tokenvalue\n");
        Assert.Multiple(() =>
        {
            Assert.That(policy.Message, Is.EqualTo("policies.yaml:6:17: document 1 (SamplePolicy \"p\"): spec.clientSecret: expected an object, found the string <redacted>"));
            Assert.That(secret.Message, Is.EqualTo("policies.yaml:5:13: document 1 (Secret \"s\"): stringData: expected an object (a map), found the string <redacted>"));
            Assert.That(secret.Message, Does.Not.Contain("topsecret"));
            Assert.That(token.Message, Does.Not.Contain("abc123"));
        });
    }

    [Test]
    public void Bad_yaml_syntax_reports_the_position()
    {
        var error = LoadFails(Header + "spec:\n  timeout: 1s\n ---\n  port: [80\n");
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("policies.yaml:"));
            Assert.That(error.Line, Is.GreaterThanOrEqualTo(7));
            Assert.That(error.Problem, Does.StartWith("document 1: "));
            Assert.That(error.InnerException, Is.InstanceOf<YamlDotNet.Core.YamlException>());
        });
    }

    [Test]
    public void Unclosed_flow_list_is_a_syntax_error()
    {
        var error = LoadFails("a: 1\n---\nb: [1, 2\n");
        Assert.That(error.Message, Is.EqualTo("policies.yaml:4:1: document 2: While parsing a flow sequence, did not find expected ',' or ']'."));
    }

    [Test]
    public void Duplicate_keys_are_refused()
    {
        var error = LoadFails(Header + "spec:\n  timeout: 1s\n  timeout: 2s\n");
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("policies.yaml:7:3: document 1: spec: duplicate key 'timeout'"));
            Assert.That(error.DocumentIndex, Is.EqualTo(0));
        });
    }

    [Test]
    public void Duplicate_top_level_keys_are_refused()
    {
        Assert.That(LoadFails("a: 1\n---\nkind: X\nkind: Y\n").Message, Is.EqualTo("policies.yaml:4:1: document 2: duplicate key 'kind'"));
    }

    [Test]
    public void Complex_keys_are_refused()
    {
        Assert.That(LoadFails("? [a, b]\n: c\n").Message, Is.EqualTo("policies.yaml:1:3: document 1: a key must be a single value, found a list"));
    }

    [Test]
    public void Unknown_alias_is_refused()
    {
        Assert.That(LoadFails("a: *nothing\n").Message, Is.EqualTo("policies.yaml:1:4: document 1: the alias '*nothing' refers to no anchor defined before it"));
    }

    [TestCase("- a\n- b\n", "policies.yaml:1:1: document 1: expected a Kubernetes resource (an object with apiVersion and kind), found a list")]
    [TestCase("just text\n", "policies.yaml:1:1: document 1: expected a Kubernetes resource (an object with apiVersion and kind), found the string \"just text\"")]
    [TestCase("apiVersion: v1\nmetadata: {}\n", "policies.yaml:1:1: document 1: the resource has no 'kind'")]
    [TestCase("kind: Service\n", "policies.yaml:1:1: document 1: the resource has no 'apiVersion'")]
    [TestCase("apiVersion: v1\nkind: [Service]\n", "policies.yaml:2:7: document 1: kind: expected a non-empty string, found a list")]
    public void Documents_that_are_not_resources_are_refused(string yaml, string message)
    {
        Assert.That(LoadFails(yaml).Message, Is.EqualTo(message));
    }

    [Test]
    public void Text_without_a_file_name_says_input()
    {
        var error = Assert.Throws<ResourceLoadException>(() => ResourceSerializer.LoadYaml("- a\n"))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("<input>:1:1: "));
            Assert.That(error.File, Is.Null);
        });
    }

    [Test]
    public void Bad_json_reports_the_position()
    {
        var error = Assert.Throws<ResourceLoadException>(() => ResourceSerializer.LoadJson("{\n  \"apiVersion\": \"v1\",\n  \"kind\": }", "x.json"))!;
        Assert.That(error.Message, Is.EqualTo("x.json:3:11: document 1: invalid JSON: '}' is an invalid start of a value."));
    }

    [Test]
    public void Duplicate_json_keys_are_refused()
    {
        var error = Assert.Throws<ResourceLoadException>(() => ResourceSerializer.LoadJson("[{\"kind\": \"A\"},\n {\"kind\": \"A\", \"kind\": \"B\"}]", "x.json"))!;
        Assert.That(error.Message, Is.EqualTo("x.json:2:16: document 2: duplicate key 'kind'"));
    }

    [Test]
    public void Json_type_errors_map_to_json_positions()
    {
        var error = Assert.Throws<ResourceLoadException>(() => ResourceSerializer.LoadJson(
            "{\"apiVersion\": \"tests.egsdk.example.com/v1alpha1\", \"kind\": \"SamplePolicy\",\n \"spec\": {\"tcp\": [1]}}", "x.json"))!;
        Assert.That(error.Message, Is.EqualTo("x.json:2:18: document 1 (SamplePolicy): spec.tcp: expected an object, found a list"));
    }
}
