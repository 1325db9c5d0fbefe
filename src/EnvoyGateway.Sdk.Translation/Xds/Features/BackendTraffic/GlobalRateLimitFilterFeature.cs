using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Ratelimit.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;
using RateLimitFilter = Envoy.Extensions.Filters.Http.Ratelimit.V3.RateLimit;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>rateLimit.global</c> (envoy-mapping.md §1): the HCM filter <c>envoy.filters.http.ratelimit</c>
/// (domain = the HCM's IR listener, gRPC service <c>ratelimit_cluster</c>, DRAFT_VERSION_03 headers, no
/// x-envoy-ratelimited header), the route's descriptor actions (generic_key = route name, then the rule's selectors)
/// and the TLS <c>ratelimit_cluster</c> to Envoy Gateway's rate-limit service. npm's <c>RateLimitPerRoute.rate_limits</c>
/// has an older action type without masked addresses or query matches, so the actions live in
/// <c>RouteAction.rate_limits</c> at stage 1 (the filter's stage), apart from local rate limits at stage 0.
/// </summary>
internal sealed class GlobalRateLimitFilterFeature : IHttpFilterFeature, IIrFeature, IResourceFeature
{
    public const string FilterName = "envoy.filters.http.ratelimit";
    public const string ClusterName = "ratelimit_cluster";
    public const string ServiceHost = "envoy-ratelimit.envoy-gateway-system.svc.cluster.local";
    public const uint ServicePort = 8081;
    public const uint Stage = 1;

    public string Name => "btp.rateLimit.global";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var traffic in BackendTrafficGaps.PolicySets(gateway))
        {
            if (traffic.RateLimit?.Global is not { } global)
            {
                continue;
            }

            if (global.Rules.Any(r => r.QueryParamMatches.Any(q => q.Distinct)))
            {
                BackendTrafficGaps.MissingMessage(gateway, traffic, "envoy.config.route.v3.RateLimit.Action.QueryParameters", "rateLimit.global distinct queryParams (rule not emitted)");
            }

            if (global.Rules.Any(r => r.Shared == true))
            {
                BackendTrafficGaps.NotTranslated(gateway, traffic, "rateLimit.global.rules[].shared", "shared rules are limited per route");
            }
        }
    }

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (!routes.Any(r => r.Traffic?.RateLimit?.Global is not null))
        {
            return [];
        }

        var filter = new RateLimitFilter
        {
            Domain = listeners[0].Name,
            Stage = Stage,
            EnableXRatelimitHeaders = RateLimitFilter.Types.XRateLimitHeadersRFCVersion.DraftVersion03,
            DisableXEnvoyRatelimitedHeader = true,
            RateLimitService = new RateLimitServiceConfig
            {
                GrpcService = new GrpcService { EnvoyGrpc = new GrpcService.Types.EnvoyGrpc { ClusterName = ClusterName } },
                TransportApiVersion = ApiVersion.V3,
            },
        };
        return [new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(filter) }];
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.RateLimit?.Global is not { } global || xdsRoute.Route_ is not { } action)
        {
            return;
        }

        for (var r = 0; r < global.Rules.Count; r++)
        {
            var routeKey = new RateLimit.Types.Action { GenericKey = new RateLimit.Types.Action.Types.GenericKey { DescriptorValue = route.Name } };
            foreach (var (actions, _) in RateLimitActions.Build(global.Rules[r], r, [routeKey]) ?? [])
            {
                action.RateLimits.Add(new RateLimit { Stage = Stage, Actions = { actions } });
            }
        }
    }

    // The rate-limit service cluster carries its endpoints inline (load_assignment).
    public void AddResources(GatewayIr gateway, XdsResourceSink sink) => sink.Clusters.AddRange(RateLimitClusters(gateway));

    private static IEnumerable<Cluster> RateLimitClusters(GatewayIr gateway)
    {
        if (!gateway.HttpListeners.SelectMany(l => l.Routes).Any(r => r.Traffic?.RateLimit?.Global is not null))
        {
            yield break;
        }

        var tls = new UpstreamTlsContext
        {
            CommonTlsContext = new CommonTlsContext
            {
                TlsCertificateSdsSecretConfigs = { ProtoDefaults.Sds("envoy-gateway-system/envoy") },
                ValidationContext = new CertificateValidationContext { TrustedCa = new DataSource { Filename = "/certs/ca.crt" } },
            },
        };
        var cluster = new Cluster
        {
            Name = ClusterName,
            Type = Cluster.Types.DiscoveryType.StrictDns,
            ConnectTimeout = ProtoDefaults.Seconds(10),
            PerConnectionBufferLimitBytes = ProtoDefaults.BufferLimitBytes,
            LoadAssignment = new ClusterLoadAssignment
            {
                ClusterName = ClusterName,
                Endpoints =
                {
                    new LocalityLbEndpoints
                    {
                        LbEndpoints =
                        {
                            new LbEndpoint
                            {
                                Endpoint = new Endpoint { Address = new Address { SocketAddress = new SocketAddress { Address = ServiceHost, PortValue = ServicePort } } },
                            },
                        },
                    },
                },
            },
            TransportSocket = new TransportSocket { Name = XdsNames.TlsTransportSocket, TypedConfig = Any.Pack(tls) },
        };
        ClusterTranslator.UpdateHttpProtocolOptions(cluster, options => options.ExplicitHttpConfig = new UpstreamHttpProtocolOptions.Types.ExplicitHttpConfig
        {
            Http2ProtocolOptions = new Http2ProtocolOptions(),
        });
        yield return cluster;
    }
}
