using System.Collections.Generic;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features;

/// <summary>
/// A policy feature's part of the xDS translation. The core translator builds Envoy Gateway's defaults for Gateway
/// API resources; each feature then adds or patches what its policy field controls. A feature implements one or more
/// of the hook interfaces below (every hook has a no-op default) and is registered in <see cref="XdsFeatureRegistry"/>.
/// Features read the effective policy from the IR (<see cref="HttpRouteIr.Traffic"/>, <see cref="DestinationIr.Traffic"/>,
/// <see cref="ListenerIrBase.ClientTraffic"/>), which the precedence engine's claims and merges already decided.
/// </summary>
internal interface IXdsFeature
{
    /// <summary>A short name for diagnostics (<c>btp.circuitBreaker</c>).</summary>
    string Name { get; }
}

/// <summary>Runs on the IR of a Gateway before any proto is built (for features that change routes or destinations).</summary>
internal interface IIrFeature : IXdsFeature
{
    void PatchIr(GatewayIr gateway);
}

/// <summary>
/// A feature backed by an HTTP filter: contributes filters to the connection manager (ordered by
/// <see cref="Translators.HttpFilterOrder"/>, never by the feature) and per-route configuration.
/// </summary>
internal interface IHttpFilterFeature : IXdsFeature
{
    /// <summary>The filters the HCM shared by <paramref name="listeners"/> needs for <paramref name="routes"/> (all routes of those listeners).</summary>
    IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes) => [];

    /// <summary>Adds per-route config (<c>typed_per_filter_config</c>) or route fields for one route.</summary>
    void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
    }
}

/// <summary>A feature that only changes routes (retry, timeouts, hash policy...), without an HTTP filter.</summary>
internal interface IRouteFeature : IXdsFeature
{
    void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute);
}

/// <summary>A feature that changes clusters and their endpoints (BackendTrafficPolicy cluster settings).</summary>
internal interface IClusterFeature : IXdsFeature
{
    void PatchCluster(DestinationIr destination, Cluster cluster);

    void PatchEndpoints(DestinationIr destination, ClusterLoadAssignment assignment)
    {
    }
}

/// <summary>A feature that changes listeners, their HCM or TCP proxies (ClientTrafficPolicy).</summary>
internal interface IListenerFeature : IXdsFeature
{
    /// <summary>Patches the Envoy listener built for <paramref name="listener"/> (the first IR listener on its port).</summary>
    void PatchListener(ListenerIrBase listener, Listener xdsListener)
    {
    }

    /// <summary>Patches the filter chain of one IR listener (HTTPS) or route (TCP/TLS).</summary>
    void PatchFilterChain(ListenerIrBase listener, FilterChain chain)
    {
    }

    /// <summary>Patches the HTTP connection manager built for <paramref name="listener"/>.</summary>
    void PatchHttpConnectionManager(HttpListenerIr listener, HttpConnectionManager hcm)
    {
    }

    /// <summary>Patches the TCP proxy of one TCP/TLS route.</summary>
    void PatchTcpProxy(TcpListenerIr listener, TcpRouteIr route, TcpProxy proxy)
    {
    }
}

/// <summary>
/// Runs once per Gateway after every resource is built, for resources derived from others (a QUIC listener cloned
/// from its TCP listener, a CA secret a filter chain references). Add to the lists; keep names unique.
/// </summary>
internal interface IGatewayResourcesFeature : IXdsFeature
{
    void AddResources(GatewayIr gateway, GatewayResourceLists resources);
}

/// <summary>The resources of one Gateway while they are built, in output order.</summary>
internal sealed record GatewayResourceLists(
    List<Listener> Listeners,
    List<RouteConfiguration> Routes,
    List<Cluster> Clusters,
    List<ClusterLoadAssignment> Endpoints,
    List<global::Envoy.Extensions.TransportSockets.Tls.V3.Secret> Secrets);

/// <summary>
/// A feature that adds resources of its own, not derived from a route destination: external service clusters
/// (ext auth, remote JWKS, OIDC token endpoint) and generated secrets (OAuth2 token and HMAC secrets). The
/// translator keeps the first resource of each name, so features may offer the same shared cluster.
/// </summary>
internal interface IResourceFeature : IXdsFeature
{
    void AddResources(GatewayIr gateway, XdsResourceSink sink);
}

/// <summary>Where an <see cref="IResourceFeature"/> puts its clusters, endpoints and secrets.</summary>
internal sealed class XdsResourceSink
{
    public XdsResourceSink(IEnumerable<IClusterFeature>? clusterFeatures = null) => ClusterFeatures = [.. clusterFeatures ?? []];

    /// <summary>The registered cluster features, for external service clusters that take cluster settings (<c>backendSettings</c>).</summary>
    public IReadOnlyList<IClusterFeature> ClusterFeatures { get; }

    public List<Cluster> Clusters { get; } = new();

    public List<ClusterLoadAssignment> Endpoints { get; } = new();

    public List<global::Envoy.Extensions.TransportSockets.Tls.V3.Secret> Secrets { get; } = new();
}
