using System;
using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features;
using k8s.Models;

namespace EnvoyGateway.Sdk.Features.BackendTraffic.Tests;

/// <summary>An <see cref="IFeatureContext"/> over a list of loaded resources.</summary>
internal sealed class FakeFeatureContext : IFeatureContext
{
    private readonly List<object> resources;

    public FakeFeatureContext(IEnumerable<object>? resources = null)
    {
        this.resources = resources?.ToList() ?? new List<object>();
    }

    public string ControllerNamespace => "envoy-gateway-system";

    public V1Service? FindService(string @namespace, string name) =>
        resources.OfType<V1Service>().FirstOrDefault(s => s.Metadata?.NamespaceProperty == @namespace && s.Metadata?.Name == name);

    public V1Secret? FindSecret(string @namespace, string name) =>
        resources.OfType<V1Secret>().FirstOrDefault(s => s.Metadata?.NamespaceProperty == @namespace && s.Metadata?.Name == name);

    public V1ConfigMap? FindConfigMap(string @namespace, string name) =>
        resources.OfType<V1ConfigMap>().FirstOrDefault(s => s.Metadata?.NamespaceProperty == @namespace && s.Metadata?.Name == name);

    public bool IsReferenceAllowed(string fromGroup, string fromKind, string fromNamespace, string toGroup, string toKind, string toNamespace, string toName) =>
        fromNamespace == toNamespace;
}

internal static class Policies
{
    /// <summary>A BackendTrafficPolicy default/p whose spec is <paramref name="specYaml"/> (indented by two spaces).</summary>
    public static BackendTrafficPolicy FromSpec(string specYaml)
    {
        var indented = string.Join('\n', specYaml.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => "  " + l));
        var yaml = "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: p\n  namespace: default\nspec:\n" + indented + "\n";
        return (BackendTrafficPolicy)ResourceSerializer.LoadYaml(yaml).Single().Resource;
    }
}
