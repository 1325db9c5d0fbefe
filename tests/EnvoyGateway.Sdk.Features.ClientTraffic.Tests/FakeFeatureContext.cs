using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Features;
using k8s.Models;

namespace EnvoyGateway.Sdk.Features.ClientTraffic.Tests;

/// <summary>An <see cref="IFeatureContext"/> over in-memory objects; cross-namespace refs allowed only when listed.</summary>
internal sealed class FakeFeatureContext : IFeatureContext
{
    public List<V1Secret> Secrets { get; } = new();

    public List<V1ConfigMap> ConfigMaps { get; } = new();

    public List<V1Service> Services { get; } = new();

    /// <summary>Allowed cross-namespace targets as "Kind/ns/name".</summary>
    public HashSet<string> Grants { get; } = new();

    public string ControllerNamespace => "envoy-gateway-system";

    public V1Service? FindService(string @namespace, string name) =>
        Services.FirstOrDefault(s => s.Metadata?.NamespaceProperty == @namespace && s.Metadata?.Name == name);

    public V1Secret? FindSecret(string @namespace, string name) =>
        Secrets.FirstOrDefault(s => s.Metadata?.NamespaceProperty == @namespace && s.Metadata?.Name == name);

    public V1ConfigMap? FindConfigMap(string @namespace, string name) =>
        ConfigMaps.FirstOrDefault(s => s.Metadata?.NamespaceProperty == @namespace && s.Metadata?.Name == name);

    public bool IsReferenceAllowed(string fromGroup, string fromKind, string fromNamespace, string toGroup, string toKind, string toNamespace, string toName) =>
        fromNamespace == toNamespace || Grants.Contains($"{toKind}/{toNamespace}/{toName}");
}
