using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Features;
using k8s.Models;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>
/// The input resources indexed for the precedence engine and the translator: managed Gateways with their listeners
/// and ListenerSets, relevant routes with their attachments, policies in processing order, and the core objects
/// policies reference.
/// </summary>
internal sealed class ResourceGraph : IFeatureContext
{
    public const string ControllerName = "gateway.envoyproxy.io/gatewayclass-controller";

    public ResourceGraph(string controllerNamespace)
    {
        ControllerNamespace = controllerNamespace;
    }

    public string ControllerNamespace { get; }

    /// <summary>Managed Gateways in processing order.</summary>
    public List<GatewayNode> Gateways { get; } = new();

    /// <summary>ListenerSets whose parent is a managed Gateway, in processing order.</summary>
    public List<ListenerSetNode> ListenerSets { get; } = new();

    /// <summary>Relevant routes (HTTP, GRPC, TLS, TCP, UDP in that order; each kind in processing order).</summary>
    public List<RouteNode> Routes { get; } = new();

    /// <summary>Policies of each kind in processing order.</summary>
    public Dictionary<PolicyKind, List<PolicyNode>> Policies { get; } = Enum.GetValues<PolicyKind>().ToDictionary(k => k, _ => new List<PolicyNode>());

    /// <summary>Namespace labels by namespace name.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, string>> NamespaceLabels { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Namespace, string Name), V1Service> Services { get; } = new();

    public Dictionary<(string Namespace, string Name), V1Secret> Secrets { get; } = new();

    public Dictionary<(string Namespace, string Name), V1ConfigMap> ConfigMaps { get; } = new();

    public List<V1EndpointSlice> EndpointSlices { get; } = new();

    public List<ReferenceGrantNode> ReferenceGrants { get; } = new();

    private readonly LookupIndex<(string, string), GatewayNode> gatewayIndex = new(g => (g.Namespace, g.Name));
    private readonly LookupIndex<(string, string), ListenerSetNode> listenerSetIndex = new(l => (l.Namespace, l.Name));
    private readonly LookupIndex<(string, string, string), RouteNode> routeIndex = new(r => (r.Kind, r.Namespace, r.Name));

    public GatewayNode? FindGateway(string @namespace, string name) => gatewayIndex.Find(Gateways, (@namespace, name));

    public ListenerSetNode? FindListenerSet(string @namespace, string name) => listenerSetIndex.Find(ListenerSets, (@namespace, name));

    public RouteNode? FindRoute(string kind, string @namespace, string name) => routeIndex.Find(Routes, (kind, @namespace, name));

    public V1Service? FindService(string @namespace, string name) => Services.GetValueOrDefault((@namespace, name));

    public V1Secret? FindSecret(string @namespace, string name) => Secrets.GetValueOrDefault((@namespace, name));

    public V1ConfigMap? FindConfigMap(string @namespace, string name) => ConfigMaps.GetValueOrDefault((@namespace, name));

    public bool IsReferenceAllowed(string fromGroup, string fromKind, string fromNamespace, string toGroup, string toKind, string toNamespace, string toName) =>
        fromNamespace == toNamespace
        || ReferenceGrants.Any(g => g.Namespace == toNamespace && g.Allows(fromGroup, fromKind, fromNamespace, toGroup, toKind, toName));
}

/// <summary>A ReferenceGrant: who (from) may reference what (to) in its namespace.</summary>
internal sealed record ReferenceGrantNode(
    string Namespace,
    ImmutableArray<(string Group, string Kind, string Namespace)> From,
    ImmutableArray<(string Group, string Kind, string? Name)> To)
{
    public bool Allows(string fromGroup, string fromKind, string fromNamespace, string toGroup, string toKind, string toName) =>
        From.Any(f => f.Group == fromGroup && f.Kind == fromKind && f.Namespace == fromNamespace)
        && To.Any(t => t.Group == toGroup && t.Kind == toKind && (string.IsNullOrEmpty(t.Name) || t.Name == toName));
}
