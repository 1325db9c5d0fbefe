using System;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>timeout</c> (envoy-mapping.md §1): <c>tcp.connectTimeout</c> → <c>Cluster.connect_timeout</c>;
/// <c>http.connectionIdleTimeout</c> / <c>maxConnectionDuration</c> → the cluster's upstream HTTP protocol options;
/// <c>http.requestTimeout</c> → <c>RouteAction.timeout</c> unless the HTTPRoute rule sets <c>timeouts.request</c> or
/// <c>timeouts.backendRequest</c> (which win), <c>http.streamIdleTimeout</c> → <c>RouteAction.idle_timeout</c> (else max(1h, request timeout)),
/// <c>http.maxStreamDuration</c> → <c>RouteAction.max_stream_duration</c>.
/// </summary>
internal sealed class TimeoutFeature : IClusterFeature, IRouteFeature
{
    private const long HourNanos = 3600L * 1_000_000_000L;

    public string Name => "btp.timeout";

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.Timeout is not { } timeout)
        {
            return;
        }

        if (timeout.ConnectTimeout is { } connect)
        {
            cluster.ConnectTimeout = ProtoDefaults.Nanos(connect);
        }

        if (timeout.ConnectionIdleTimeout is not null || timeout.MaxConnectionDuration is not null)
        {
            ClusterTranslator.UpdateHttpProtocolOptions(cluster, options =>
            {
                var common = options.CommonHttpProtocolOptions ??= new HttpProtocolOptions();
                if (timeout.ConnectionIdleTimeout is { } idle)
                {
                    common.IdleTimeout = ProtoDefaults.Nanos(idle);
                }

                if (timeout.MaxConnectionDuration is { } duration)
                {
                    common.MaxConnectionDuration = ProtoDefaults.Nanos(duration);
                }
            });
        }
    }

    public void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.Timeout is not { } timeout || xdsRoute.Route_ is not { } action)
        {
            return;
        }

        if (route.RequestTimeoutNanos is null && timeout.RequestTimeout is { } request)
        {
            action.Timeout = ProtoDefaults.Nanos(request);
            action.IdleTimeout = ProtoDefaults.Nanos(request == 0 ? 0 : Math.Max(HourNanos, request));
        }

        if (timeout.StreamIdleTimeout is { } streamIdle)
        {
            action.IdleTimeout = ProtoDefaults.Nanos(streamIdle);
        }

        if (timeout.MaxStreamDuration is { } maxStream)
        {
            action.MaxStreamDuration = new RouteAction.Types.MaxStreamDuration { MaxStreamDuration_ = ProtoDefaults.Nanos(maxStream) };
        }
    }
}
