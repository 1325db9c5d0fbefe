using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features;
using k8s.Models;

namespace EnvoyGateway.Sdk.Features.Security.Tests;

/// <summary>An in-memory <see cref="IFeatureContext"/> over loaded resources, with Gateway API ReferenceGrant semantics.</summary>
internal sealed class TestContext : IFeatureContext
{
    private readonly List<V1Service> services = [];
    private readonly List<V1Secret> secrets = [];
    private readonly List<V1ConfigMap> configMaps = [];
    private readonly List<JsonElement> referenceGrants = [];

    public string ControllerNamespace => "envoy-gateway-system";

    public static TestContext FromResources(IEnumerable<object> resources)
    {
        var context = new TestContext();
        foreach (var resource in resources)
        {
            switch (resource)
            {
                case V1Service s: context.services.Add(s); break;
                case V1Secret s: context.secrets.Add(s); break;
                case V1ConfigMap c: context.configMaps.Add(c); break;
                default:
                    var json = JsonDocument.Parse(ResourceSerializer.ToJson(resource, indented: false)).RootElement.Clone();
                    if (json.TryGetProperty("kind", out var kind) && kind.GetString() == "ReferenceGrant")
                    {
                        context.referenceGrants.Add(json);
                    }

                    break;
            }
        }

        return context;
    }

    public TestContext Service(string ns, string name, params int[] ports) => Service(ns, name, null, ports);

    public TestContext Service(string ns, string name, string? type, params int[] ports)
    {
        services.Add(new V1Service
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
            Spec = new V1ServiceSpec { Type = type, Ports = [.. ports.Select(p => new V1ServicePort { Port = p })] },
        });
        return this;
    }

    public TestContext Secret(string ns, string name, params (string Key, string Value)[] data)
    {
        secrets.Add(new V1Secret
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
            Data = data.ToDictionary(d => d.Key, d => System.Text.Encoding.UTF8.GetBytes(d.Value)),
        });
        return this;
    }

    public TestContext ConfigMap(string ns, string name, params (string Key, string Value)[] data)
    {
        configMaps.Add(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
            Data = data.ToDictionary(d => d.Key, d => d.Value),
        });
        return this;
    }

    public TestContext Grant(string toNamespace, string fromNamespace, string toKind, string? toName = null)
    {
        var nameField = toName is null ? string.Empty : ",\"name\":\"" + toName + "\"";
        var json = "{\"kind\":\"ReferenceGrant\",\"metadata\":{\"namespace\":\"" + toNamespace + "\",\"name\":\"g\"},"
            + "\"spec\":{\"from\":[{\"group\":\"gateway.envoyproxy.io\",\"kind\":\"SecurityPolicy\",\"namespace\":\"" + fromNamespace + "\"}],"
            + "\"to\":[{\"group\":\"\",\"kind\":\"" + toKind + "\"" + nameField + "}]}}";
        referenceGrants.Add(JsonDocument.Parse(json).RootElement.Clone());
        return this;
    }

    public V1Service? FindService(string @namespace, string name) =>
        services.FirstOrDefault(s => s.Metadata?.NamespaceProperty == @namespace && s.Metadata?.Name == name);

    public V1Secret? FindSecret(string @namespace, string name) =>
        secrets.FirstOrDefault(s => (s.Metadata?.NamespaceProperty ?? "default") == @namespace && s.Metadata?.Name == name);

    public V1ConfigMap? FindConfigMap(string @namespace, string name) =>
        configMaps.FirstOrDefault(s => (s.Metadata?.NamespaceProperty ?? "default") == @namespace && s.Metadata?.Name == name);

    public bool IsReferenceAllowed(string fromGroup, string fromKind, string fromNamespace, string toGroup, string toKind, string toNamespace, string toName)
    {
        if (fromNamespace == toNamespace)
        {
            return true;
        }

        foreach (var grant in referenceGrants)
        {
            if (!grant.TryGetProperty("metadata", out var meta) || !meta.TryGetProperty("namespace", out var ns) || ns.GetString() != toNamespace)
            {
                continue;
            }

            var spec = grant.GetProperty("spec");
            var fromOk = spec.GetProperty("from").EnumerateArray().Any(f =>
                Str(f, "group") == fromGroup && Str(f, "kind") == fromKind && Str(f, "namespace") == fromNamespace);
            var toOk = spec.GetProperty("to").EnumerateArray().Any(t =>
                Str(t, "group") == toGroup && Str(t, "kind") == toKind && (Str(t, "name") is not { Length: > 0 } n || n == toName));
            if (fromOk && toOk)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : (name == "group" ? string.Empty : null);
}
