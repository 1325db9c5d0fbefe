using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Translation.Xds.Features;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;
using NetworkFilter = Envoy.Config.Listener.V3.Filter;

namespace EnvoyGateway.Sdk.Translation.Xds;

/// <summary>
/// Translates one Gateway's IR into xDS resources: listeners grouped by port (HTTP listeners on a port share one HCM
/// and route configuration; each HTTPS listener gets its own filter chain), clusters and endpoints per destination,
/// and secrets; the registered features patch each resource as it is built.
/// </summary>
internal sealed class XdsGatewayTranslator
{
    private static readonly string[] HttpsAlpn = ["h2", "http/1.1"];
    private readonly XdsFeatureRegistry features;

    public XdsGatewayTranslator(XdsFeatureRegistry features) => this.features = features;

    public GatewayXdsResources Translate(GatewayIr ir)
    {
        foreach (var feature in features.Of<IIrFeature>())
        {
            feature.PatchIr(ir);
        }

        var listeners = new List<Listener>();
        var routes = new List<RouteConfiguration>();
        foreach (var group in ir.HttpListeners.GroupBy(l => l.Port))
        {
            listeners.Add(HttpListener(group.ToList(), routes));
        }

        foreach (var group in ir.TcpListeners.Where(l => l.Routes.Count > 0).GroupBy(l => l.Port))
        {
            listeners.Add(TcpListener(group.ToList()));
        }

        foreach (var udp in ir.UdpListeners.Where(l => l.Route is not null))
        {
            var listener = UdpListenerTranslator.Translate(udp, udp.Route!);
            ListenerFeatures(f => f.PatchListener(udp, listener));
            listeners.Add(listener);
        }

        var destinations = Destinations(ir);
        var clusters = new List<Cluster>();
        var endpoints = new List<ClusterLoadAssignment>();
        foreach (var destination in destinations)
        {
            var cluster = ClusterTranslator.Translate(destination);
            var assignment = ClusterTranslator.Endpoints(destination);
            foreach (var feature in features.Of<IClusterFeature>())
            {
                feature.PatchCluster(destination, cluster);
                feature.PatchEndpoints(destination, assignment);
            }

            clusters.Add(cluster);
            if (!ClusterTranslator.InlineEndpoints(cluster, assignment))
            {
                endpoints.Add(assignment);
            }
        }

        var secrets = ir.Secrets.Select(SecretTranslator.Translate).ToList();
        AddFeatureResources(ir, clusters, endpoints, secrets);
        var lists = new GatewayResourceLists(listeners, routes, clusters, endpoints, secrets);
        foreach (var feature in features.Of<IGatewayResourcesFeature>())
        {
            feature.AddResources(ir, lists);
        }

        return new GatewayXdsResources(ir.Key, listeners, routes, clusters, endpoints, secrets, ir.Warnings);
    }

    // HTTP listeners on one port: plain HTTP shares the default filter chain of the first; HTTPS gets a chain each.
    private Listener HttpListener(List<HttpListenerIr> group, List<RouteConfiguration> routes)
    {
        var first = group[0];
        var listener = ListenerTranslator.Skeleton(first);
        var plain = group.Where(l => l.Tls is null).ToList();
        if (plain.Count > 0)
        {
            var hcm = Hcm(plain, plain[0], XdsNames.HttpStatPrefix(false, first.Port), routes);
            var chain = new FilterChain { Name = plain[0].Name, Filters = { Network(hcm) } };
            ListenerFeatures(f => f.PatchFilterChain(plain[0], chain));
            listener.DefaultFilterChain = chain;
        }

        foreach (var https in group.Where(l => l.Tls is not null))
        {
            var hcm = Hcm([https], https, XdsNames.HttpStatPrefix(true, first.Port), routes);
            var chain = new FilterChain { Name = https.Name, Filters = { Network(hcm) }, TransportSocket = ListenerTranslator.DownstreamTls(https.Tls!, HttpsAlpn) };
            if (https.Source.Hostname is { } host)
            {
                chain.FilterChainMatch = new FilterChainMatch { ServerNames = { host } };
            }

            ListenerFeatures(f => f.PatchFilterChain(https, chain));
            listener.FilterChains.Add(chain);
        }

        if (listener.FilterChains.Count > 0)
        {
            listener.ListenerFilters.Add(ListenerTranslator.TlsInspector());
        }

        ListenerFeatures(f => f.PatchListener(first, listener));
        return listener;
    }

    private HttpConnectionManager Hcm(List<HttpListenerIr> served, HttpListenerIr owner, string statPrefix, List<RouteConfiguration> routes)
    {
        var allRoutes = served.SelectMany(l => l.Routes).ToList();
        var filters = features.Of<IHttpFilterFeature>().SelectMany(f => f.HttpFilters(served, allRoutes)).ToList();
        var hcm = HcmTranslator.Translate(statPrefix, owner.Name, filters);
        ListenerFeatures(f => f.PatchHttpConnectionManager(owner, hcm));
        routes.Add(RouteTranslator.Translate(owner.Name, served, (listener, route, xdsRoute) =>
        {
            foreach (var feature in features.Of<IRouteFeature>())
            {
                feature.PatchRoute(listener, route, xdsRoute);
            }

            foreach (var feature in features.Of<IHttpFilterFeature>())
            {
                feature.PatchRoute(route, xdsRoute);
            }
        }));
        return hcm;
    }

    private Listener TcpListener(List<TcpListenerIr> group)
    {
        var listener = ListenerTranslator.Skeleton(group[0]);
        foreach (var tcp in group)
        {
            foreach (var route in tcp.Routes)
            {
                var (chain, proxy) = ListenerTranslator.TcpChain(tcp, route);
                ListenerFeatures(f => f.PatchTcpProxy(tcp, route, proxy));
                chain.Filters.Add(new NetworkFilter { Name = XdsNames.TcpProxyFilter, TypedConfig = Any.Pack(proxy) });
                ListenerFeatures(f => f.PatchFilterChain(tcp, chain));
                listener.FilterChains.Add(chain);
            }
        }

        if (listener.FilterChains.Any(c => c.FilterChainMatch?.ServerNames.Count > 0 || c.TransportSocket is not null))
        {
            listener.ListenerFilters.Add(ListenerTranslator.TlsInspector());
        }

        ListenerFeatures(f => f.PatchListener(group[0], listener));
        return listener;
    }

    // Resources features add on their own (external service clusters, generated secrets); the first of each name wins.
    private void AddFeatureResources(GatewayIr ir, List<Cluster> clusters, List<ClusterLoadAssignment> endpoints, List<Secret> secrets)
    {
        var sink = new XdsResourceSink(features.Of<IClusterFeature>());
        foreach (var feature in features.Of<IResourceFeature>())
        {
            feature.AddResources(ir, sink);
        }

        clusters.AddRange(sink.Clusters.Where(c => clusters.All(e => e.Name != c.Name)).DistinctBy(c => c.Name));
        endpoints.AddRange(sink.Endpoints.Where(c => endpoints.All(e => e.ClusterName != c.ClusterName)).DistinctBy(c => c.ClusterName));
        secrets.AddRange(sink.Secrets.Where(c => secrets.All(e => e.Name != c.Name)).DistinctBy(c => c.Name));
    }

    private void ListenerFeatures(System.Action<IListenerFeature> patch)
    {
        foreach (var feature in features.Of<IListenerFeature>())
        {
            patch(feature);
        }
    }

    private static NetworkFilter Network(HttpConnectionManager hcm) => new() { Name = XdsNames.HttpConnectionManagerFilter, TypedConfig = Any.Pack(hcm) };

    // Every destination once, in the order listeners and routes first use it.
    private static List<DestinationIr> Destinations(GatewayIr ir)
    {
        var all = ir.HttpListeners.SelectMany(l => l.Routes).Select(r => r.Destination)
            .Concat(ir.TcpListeners.SelectMany(l => l.Routes).Select(r => r.Destination))
            .Concat(ir.UdpListeners.Select(l => l.Route?.Destination));
        var seen = new HashSet<string>();
        return all.OfType<DestinationIr>().Where(d => seen.Add(d.Name)).ToList();
    }
}
