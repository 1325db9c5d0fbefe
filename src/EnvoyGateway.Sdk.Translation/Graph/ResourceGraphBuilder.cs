using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.GatewayApi.V1;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using k8s;
using k8s.Models;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>Builds a <see cref="ResourceGraph"/> from loaded resources, in Envoy Gateway's processing order.</summary>
internal static class ResourceGraphBuilder
{
    private static readonly string[] RouteKinds = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];

    /// <param name="resources">The input, in input order.</param>
    /// <param name="controllerNamespace">Envoy Gateway's namespace (<c>envoy-gateway-system</c>).</param>
    /// <param name="ignored">Receives resources of kinds the engine does not use (for warnings).</param>
    /// <exception cref="ResourceLoadException">A known kind with an apiVersion that is not served.</exception>
    public static ResourceGraph Build(IReadOnlyList<LoadedResource> resources, string controllerNamespace, ICollection<LoadedResource>? ignored = null)
    {
        var graph = new ResourceGraph(controllerNamespace);
        var indexed = resources.Select((r, i) => (Resource: r, Index: i)).ToList();
        foreach (var (resource, _) in indexed)
        {
            if (resource.Resource is UnknownResource unknown)
            {
                RejectUnservedVersion(resource, unknown);
                ignored?.Add(resource);
            }
        }

        var managedClasses = indexed.Select(x => x.Resource.Resource).OfType<GatewayClass>()
            .Where(c => c.Spec?.ControllerName == ResourceGraph.ControllerName)
            .Select(c => c.Metadata?.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var ns in indexed.Select(x => x.Resource.Resource).OfType<V1Namespace>())
        {
            graph.NamespaceLabels[ns.Metadata?.Name ?? string.Empty] = ns.Metadata?.Labels as IReadOnlyDictionary<string, string> ?? ImmutableDictionary<string, string>.Empty;
        }

        foreach (var (resource, _) in indexed)
        {
            var ns = resource.Namespace ?? "default";
            switch (resource.Resource)
            {
                case V1Service service:
                    graph.Services[(ns, resource.Name ?? string.Empty)] = service;
                    break;
                case V1Secret secret:
                    graph.Secrets[(ns, resource.Name ?? string.Empty)] = secret;
                    break;
                case V1ConfigMap configMap:
                    graph.ConfigMaps[(ns, resource.Name ?? string.Empty)] = configMap;
                    break;
                case V1EndpointSlice slice:
                    graph.EndpointSlices.Add(slice);
                    break;
                case ReferenceGrant grant:
                    graph.ReferenceGrants.Add(ReadGrant(grant, ns));
                    break;
            }
        }

        foreach (var (gateway, order, ns) in Ordered<Gateway>(indexed))
        {
            if (gateway.Spec is not null && managedClasses.Contains(gateway.Spec.GatewayClassName))
            {
                var node = new GatewayNode(gateway, ns, order);
                // A null list item ("listeners: [null]") passes the serializer; it is no listener.
                node.Listeners = (gateway.Spec.Listeners ?? []).Where(l => l is not null).Select(l => Listener(node, null, l.Name, l.Port, l.Protocol, l.Hostname, l.Tls?.Mode?.Value,
                    l.AllowedRoutes?.Kinds?.Select(k => (k.Group ?? ObjectKey.GatewayApiGroup, k.Kind)),
                    l.AllowedRoutes?.Namespaces?.From?.Value, Selector(l.AllowedRoutes?.Namespaces?.Selector?.MatchLabels,
                        l.AllowedRoutes?.Namespaces?.Selector?.MatchExpressions?.Select(e => (e.Key, e.Operator, e.Values))))).ToImmutableArray();
                graph.Gateways.Add(node);
            }
        }

        foreach (var (set, order, ns) in Ordered<ListenerSet>(indexed))
        {
            var parentRef = set.Spec?.ParentRef;
            if (parentRef is null || (parentRef.Kind ?? "Gateway") != "Gateway" || graph.FindGateway(parentRef.Namespace ?? ns, parentRef.Name) is not { } parent)
            {
                continue;
            }

            var node = new ListenerSetNode(set, ns, parent, order);
            node.Listeners = (set.Spec!.Listeners ?? []).Where(l => l is not null).Select(l => Listener(parent, node, l.Name, l.Port, l.Protocol, l.Hostname, l.Tls?.Mode?.Value,
                l.AllowedRoutes?.Kinds?.Select(k => (k.Group ?? ObjectKey.GatewayApiGroup, k.Kind)),
                l.AllowedRoutes?.Namespaces?.From?.Value, Selector(l.AllowedRoutes?.Namespaces?.Selector?.MatchLabels,
                    l.AllowedRoutes?.Namespaces?.Selector?.MatchExpressions?.Select(e => (e.Key, e.Operator, e.Values))))).ToImmutableArray();
            parent.ListenerSets.Add(node);
            graph.ListenerSets.Add(node);
        }

        foreach (var kind in RouteKinds)
        {
            foreach (var (resource, index) in OrderedBy(indexed.Where(x => x.Resource.Resource is not UnknownResource && x.Resource.Kind == kind
                && x.Resource.ApiVersion.StartsWith(ObjectKey.GatewayApiGroup + "/", StringComparison.Ordinal))))
            {
                if (RouteReader.Read(graph, resource, kind, index) is { ParentRefs.IsEmpty: false } route)
                {
                    graph.Routes.Add(route);
                }
            }
        }

        foreach (var (resource, index) in OrderedBy(indexed))
        {
            if (PolicyReader.Read(resource, index) is { } policy)
            {
                graph.Policies[policy.Kind].Add(policy);
            }
        }

        return graph;
    }

    internal static LabelSelector? Selector(IDictionary<string, string>? matchLabels, IEnumerable<(string Key, string Operator, IList<string>? Values)>? expressions) =>
        matchLabels is null && expressions is null
            ? null
            : new LabelSelector(matchLabels, expressions?.Select(e => new LabelRequirement(e.Key, e.Operator, e.Values?.ToImmutableArray() ?? ImmutableArray<string>.Empty)));

    private static ListenerNode Listener(GatewayNode gateway, ListenerSetNode? set, string name, int port, string protocol, string? hostname, string? tlsMode,
        IEnumerable<(string Group, string Kind)>? kinds, string? from, LabelSelector? selector) =>
        new(gateway, set, name, port, protocol, hostname, tlsMode, kinds?.ToImmutableArray() ?? ImmutableArray<(string, string)>.Empty, from ?? "Same", selector);

    private static ReferenceGrantNode ReadGrant(ReferenceGrant grant, string ns) =>
        new(ns,
            (grant.Spec?.From ?? []).Where(f => f is not null).Select(f => (f.Group ?? string.Empty, f.Kind, f.Namespace)).ToImmutableArray(),
            (grant.Spec?.To ?? []).Where(t => t is not null).Select(t => (t.Group ?? string.Empty, t.Kind, t.Name)).ToImmutableArray());

    private static void RejectUnservedVersion(LoadedResource resource, UnknownResource unknown)
    {
        var slash = unknown.ApiVersion.LastIndexOf('/');
        var group = slash < 0 ? string.Empty : unknown.ApiVersion[..slash];
        if (ResourceKinds.IsKnownKind(group, unknown.Kind))
        {
            throw ResourceLoadException.At(resource.File, resource.Start, resource.DocumentIndex, "apiVersion",
                $"{unknown.Kind} does not have apiVersion '{unknown.ApiVersion}' (it is not served by the supported API versions).");
        }
    }

    private static IEnumerable<(T Model, InputOrder Order, string Namespace)> Ordered<T>(List<(LoadedResource Resource, int Index)> indexed)
        where T : class =>
        OrderedBy(indexed.Where(x => x.Resource.Resource is T)).Select(x => ((T)x.Resource.Resource, Order(x.Resource, x.Index), x.Resource.Namespace ?? "default"));

    // Envoy Gateway's provider sorts by creation time, then namespace, then name. Documents without timestamps (test
    // inputs) keep their input order, as the upstream golden tests feed them.
    internal static IEnumerable<(LoadedResource Resource, int Index)> OrderedBy(IEnumerable<(LoadedResource Resource, int Index)> items)
    {
        var list = items.ToList();
        if (list.Count == 0 || list.Any(x => CreationTimestamp(x.Resource) is null))
        {
            return list;
        }

        return list.OrderBy(x => CreationTimestamp(x.Resource)).ThenBy(x => x.Resource.Namespace, StringComparer.Ordinal).ThenBy(x => x.Resource.Name, StringComparer.Ordinal);
    }

    internal static InputOrder Order(LoadedResource resource, int index) => new(CreationTimestamp(resource), index);

    private static DateTime? CreationTimestamp(LoadedResource resource) =>
        (resource.Resource as IMetadata<V1ObjectMeta>)?.Metadata?.CreationTimestamp;
}
