using System.Linq;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Tests.Models;
using k8s.Models;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Tests;

public class ResourceLoadingTests
{
    private const string Mixed = """
        apiVersion: tests.egsdk.example.com/v1alpha1
        kind: SamplePolicy
        metadata:
          name: policy-a
          namespace: apps
        spec:
          timeout: 5s
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: backend
          namespace: apps
        spec:
          ports:
          - port: 8080
            targetPort: http
        ---
        # only a comment: an empty document
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: creds
        stringData:
          password: hunter2
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: backend-abc
        addressType: IPv4
        endpoints:
        - addresses: ["10.0.0.1"]
        ports:
        - port: 8080
        ---
        apiVersion: example.com/v9
        kind: Gizmo
        metadata:
          name: thing
        spec:
          anything: [1, 2]
        """;

    [Test]
    public void Loads_mixed_kinds_in_document_order()
    {
        var loaded = ResourceSerializer.LoadYaml(Mixed, "mixed.yaml");
        Assert.That(loaded.Select(r => r.Kind), Is.EqualTo(new[] { "SamplePolicy", "Service", "Secret", "EndpointSlice", "Gizmo" }));
        Assert.Multiple(() =>
        {
            Assert.That(loaded[0].Resource, Is.InstanceOf<SamplePolicy>());
            Assert.That(loaded[1].Resource, Is.InstanceOf<V1Service>());
            Assert.That(((V1Service)loaded[1].Resource).Spec.Ports[0].TargetPort.Value, Is.EqualTo("http"));
            Assert.That(loaded[2].Resource, Is.InstanceOf<V1Secret>());
            Assert.That(((V1Secret)loaded[2].Resource).StringData["password"], Is.EqualTo("hunter2"));
            Assert.That(loaded[3].Resource, Is.InstanceOf<V1EndpointSlice>());
            Assert.That(((V1EndpointSlice)loaded[3].Resource).Endpoints[0].Addresses, Is.EqualTo(new[] { "10.0.0.1" }));
            Assert.That(loaded[4].Resource, Is.InstanceOf<UnknownResource>());
            Assert.That(loaded[4].IsKnownKind, Is.False);
            Assert.That(((UnknownResource)loaded[4].Resource).Json.GetProperty("spec").GetProperty("anything").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Reports_identity_and_origin_of_each_resource()
    {
        var loaded = ResourceSerializer.LoadYaml(Mixed, "mixed.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Select(r => r.DocumentIndex), Is.EqualTo(new[] { 0, 1, 3, 4, 5 }), "empty documents count");
            Assert.That(loaded.Select(r => r.Start.Line), Is.EqualTo(new[] { 1, 9, 21, 28, 38 }));
            Assert.That(loaded.All(r => r.File == "mixed.yaml"), Is.True);
            Assert.That(loaded[0].ApiVersion, Is.EqualTo("tests.egsdk.example.com/v1alpha1"));
            Assert.That(loaded[0].Name, Is.EqualTo("policy-a"));
            Assert.That(loaded[0].Namespace, Is.EqualTo("apps"));
            Assert.That(loaded[2].Namespace, Is.Null);
            Assert.That(loaded[4].Name, Is.EqualTo("thing"));
            Assert.That(loaded[0].ToString(), Is.EqualTo("SamplePolicy apps/policy-a"));
        });
    }

    [Test]
    public void Source_map_points_at_values_and_keys()
    {
        var loaded = ResourceSerializer.LoadYaml(Mixed, "mixed.yaml");
        var service = loaded[1].SourceMap;
        Assert.Multiple(() =>
        {
            Assert.That(service.TryGetPosition("spec.ports[0].targetPort", out var value), Is.True);
            Assert.That(value, Is.EqualTo(new SourcePosition(17, 17)));
            Assert.That(service.TryGetKeyPosition("spec.ports[0].targetPort", out var key), Is.True);
            Assert.That(key, Is.EqualTo(new SourcePosition(17, 5)));
            Assert.That(service.TryGetPosition("spec.ports[0]", out var item), Is.True);
            Assert.That(item, Is.EqualTo(new SourcePosition(16, 5)));
            Assert.That(service.FindNearest("spec.ports[0].missing.deeper"), Is.EqualTo(new SourcePosition(16, 5)));
            Assert.That(service.Paths[0], Is.EqualTo(string.Empty));
            Assert.That(loaded[3].SourceMap.TryGetPosition("endpoints[0].addresses[0]", out var address), Is.True);
            Assert.That(address, Is.EqualTo(new SourcePosition(34, 15)));
        });
    }

    [Test]
    public void Quoted_keys_get_bracket_paths()
    {
        var loaded = ResourceSerializer.LoadYaml("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              labels:
                app.kubernetes.io/name: web
            data:
              "say \"hi\"": x
            """);
        Assert.Multiple(() =>
        {
            Assert.That(loaded[0].SourceMap.TryGetPosition("metadata.labels[\"app.kubernetes.io/name\"]", out var label), Is.True);
            Assert.That(label, Is.EqualTo(new SourcePosition(6, 29)));
            Assert.That(loaded[0].SourceMap.TryGetPosition("data[\"say \\\"hi\\\"\"]", out _), Is.True);
        });
    }

    [Test]
    public void Loads_from_json_with_positions()
    {
        var json = """
            [
              {"apiVersion": "tests.egsdk.example.com/v1alpha1", "kind": "SamplePolicy",
               "metadata": {"name": "j"}, "spec": {"port": 80, "extra": {"é": 1.50}}},
              {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "ns"}}
            ]
            """;
        var loaded = ResourceSerializer.LoadJson(json, "list.json");
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Select(r => r.Kind), Is.EqualTo(new[] { "SamplePolicy", "Namespace" }));
            Assert.That(loaded.Select(r => r.DocumentIndex), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(loaded[0].Start, Is.EqualTo(new SourcePosition(2, 3)));
            Assert.That(loaded[0].SourceMap.TryGetPosition("spec.port", out var port), Is.True);
            Assert.That(port, Is.EqualTo(new SourcePosition(3, 48)));
            Assert.That(loaded[1].Resource, Is.InstanceOf<V1Namespace>());
            Assert.That(ResourceSerializer.ToJson(loaded[0], indented: false), Does.Contain("\"extra\":{\"é\":1.50}"));
        });
    }

    [Test]
    public void Single_json_object_is_one_resource()
    {
        var loaded = ResourceSerializer.LoadJson("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"k":"v"}}""");
        Assert.That(((V1ConfigMap)loaded.Single().Resource).Data["k"], Is.EqualTo("v"));
    }

    [Test]
    public void Loads_files_and_reports_their_path()
    {
        var path = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, "TestData", "policies.yaml");
        var loaded = ResourceSerializer.LoadYamlFile(path);
        Assert.Multiple(() =>
        {
            Assert.That(loaded, Has.Count.EqualTo(2));
            Assert.That(loaded[0].File, Is.EqualTo(path));
        });
    }

    [Test]
    public void Registered_kinds_and_core_kinds_resolve()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResourceKinds.TryGetType("tests.egsdk.example.com/v1alpha1", "SamplePolicy", out var sample), Is.True);
            Assert.That(sample, Is.EqualTo(typeof(SamplePolicy)));
            Assert.That(ResourceKinds.TryGetType("v1", "Service", out var service), Is.True);
            Assert.That(service, Is.EqualTo(typeof(V1Service)));
            Assert.That(ResourceKinds.TryGetType("discovery.k8s.io/v1", "EndpointSlice", out var slice), Is.True);
            Assert.That(slice, Is.EqualTo(typeof(V1EndpointSlice)));
            Assert.That(ResourceKinds.TryGetType("v1", "Gizmo", out _), Is.False);
            Assert.That(ResourceKinds.TryGetType("tests.egsdk.example.com/v1", "SamplePolicy", out _), Is.False);
            Assert.That(() => ResourceKinds.Register(typeof(string)), Throws.ArgumentException.With.Message.Contains("[KubernetesEntity]"));
        });
    }
}
