using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Envoy.Admin.V3;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds;

/// <summary>The xDS resources of one Gateway, as Envoy Gateway would serve them to that Gateway's Envoy fleet.</summary>
public sealed class GatewayXdsResources
{
    internal GatewayXdsResources(string gateway, IEnumerable<Listener> listeners, IEnumerable<RouteConfiguration> routes, IEnumerable<Cluster> clusters,
        IEnumerable<ClusterLoadAssignment> endpoints, IEnumerable<Secret> secrets, IEnumerable<string> warnings)
    {
        Gateway = gateway;
        Listeners = listeners.ToImmutableArray();
        Routes = routes.ToImmutableArray();
        Clusters = clusters.ToImmutableArray();
        Endpoints = endpoints.ToImmutableArray();
        Secrets = secrets.ToImmutableArray();
        Warnings = warnings.ToImmutableArray();
    }

    /// <summary>The Gateway, <c>&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    public string Gateway { get; }

    /// <summary>Listeners (LDS).</summary>
    public ImmutableArray<Listener> Listeners { get; }

    /// <summary>Route configurations (RDS).</summary>
    public ImmutableArray<RouteConfiguration> Routes { get; }

    /// <summary>Clusters (CDS).</summary>
    public ImmutableArray<Cluster> Clusters { get; }

    /// <summary>Cluster load assignments (EDS).</summary>
    public ImmutableArray<ClusterLoadAssignment> Endpoints { get; }

    /// <summary>TLS secrets (SDS).</summary>
    public ImmutableArray<Secret> Secrets { get; }

    /// <summary>What could not be translated (missing backends or certificates, unsupported kinds, PGV violations).</summary>
    public ImmutableArray<string> Warnings { get; internal set; }

    /// <summary>
    /// Everything as an Envoy admin <c>ConfigDump</c>: listeners, routes, clusters, endpoints and secrets dumps, each
    /// resource in the dynamic (xDS-delivered) section.
    /// </summary>
    public ConfigDump ToConfigDump()
    {
        var listeners = new ListenersConfigDump();
        listeners.DynamicListeners.AddRange(Listeners.Select(l => new ListenersConfigDump.Types.DynamicListener
        {
            Name = l.Name,
            ActiveState = new ListenersConfigDump.Types.DynamicListenerState { Listener = Any.Pack(l) },
        }));
        var routes = new RoutesConfigDump();
        routes.DynamicRouteConfigs.AddRange(Routes.Select(r => new RoutesConfigDump.Types.DynamicRouteConfig { RouteConfig = Any.Pack(r) }));
        var clusters = new ClustersConfigDump();
        clusters.DynamicActiveClusters.AddRange(Clusters.Select(c => new ClustersConfigDump.Types.DynamicCluster { Cluster = Any.Pack(c) }));
        var endpoints = new EndpointsConfigDump();
        endpoints.DynamicEndpointConfigs.AddRange(Endpoints.Select(e => new EndpointsConfigDump.Types.DynamicEndpointConfig { EndpointConfig = Any.Pack(e) }));
        var secrets = new SecretsConfigDump();
        secrets.DynamicActiveSecrets.AddRange(Secrets.Select(s => new SecretsConfigDump.Types.DynamicSecret { Name = s.Name, Secret = Any.Pack(s) }));
        return new ConfigDump { Configs = { Any.Pack(listeners), Any.Pack(routes), Any.Pack(clusters), Any.Pack(endpoints), Any.Pack(secrets) } };
    }
}
