using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>
/// Which listeners accept a route through one parentRef (Gateway API rules): the sectionName and port it asks for,
/// the listener's allowed route kinds and namespaces, and hostname intersection.
/// </summary>
internal static class RouteAttachment
{
    public static ImmutableArray<ListenerNode> Accepted(ResourceGraph graph, RouteNode route, ImmutableArray<ListenerNode> candidates, string? sectionName, int? port) =>
        candidates.Where(l => (sectionName is null || l.Name == sectionName)
                && (port is null || l.Port == port)
                && AllowsKind(l, route.Kind)
                && AllowsNamespace(graph, l, route.Namespace)
                && HostnamesIntersect(l, route))
            .ToImmutableArray();

    private static bool AllowsKind(ListenerNode listener, string kind) =>
        listener.AllowedKinds.IsDefaultOrEmpty
            ? DefaultKinds(listener).Contains(kind)
            : listener.AllowedKinds.Any(k => k.Group == ObjectKey.GatewayApiGroup && k.Kind == kind) && DefaultKinds(listener).Contains(kind);

    private static IEnumerable<string> DefaultKinds(ListenerNode listener) => listener.Protocol switch
    {
        "HTTP" or "HTTPS" => ["HTTPRoute", "GRPCRoute"],
        "TLS" => listener.TlsMode == "Terminate" ? ["TLSRoute", "TCPRoute"] : ["TLSRoute"],
        "TCP" => ["TCPRoute"],
        "UDP" => ["UDPRoute"],
        _ => [],
    };

    private static bool AllowsNamespace(ResourceGraph graph, ListenerNode listener, string routeNamespace) => listener.AllowedNamespacesFrom switch
    {
        "All" => true,
        "Selector" => listener.AllowedNamespacesSelector is { } selector
            && graph.NamespaceLabels.TryGetValue(routeNamespace, out var labels) && selector.Matches(labels),
        _ => routeNamespace == listener.OwnerNamespace,
    };

    private static bool HostnamesIntersect(ListenerNode listener, RouteNode route) =>
        listener.Hostname is null || route.Hostnames.IsDefaultOrEmpty || route.Kind is "TCPRoute" or "UDPRoute"
        || route.Hostnames.Any(h => Hostnames.Intersect(listener.Hostname, h));
}
