using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features;

/// <summary>
/// ClientTrafficPolicy <c>timeout</c> (envoy-mapping.md §2): TCP idle → <c>TcpProxy.idle_timeout</c>, connection
/// inspection → <c>Listener.listener_filters_timeout</c>, TLS handshake → <c>FilterChain.transport_socket_connect_timeout</c>,
/// HTTP request received / request headers / idle / stream idle → HCM <c>request_timeout</c>, <c>request_headers_timeout</c>,
/// <c>common_http_protocol_options.idle_timeout</c>, <c>stream_idle_timeout</c>. A listener stream idle timeout also
/// removes the per-route idle timeout derived from a request timeout.
/// </summary>
internal sealed class ClientTimeoutListenerFeature : IListenerFeature, IRouteFeature
{
    public string Name => "ctp.timeout";

    public void PatchListener(ListenerIrBase listener, Listener xdsListener)
    {
        if (Timeout(listener)?.TcpConnectionInspectionTimeoutNanos is { } inspection)
        {
            xdsListener.ListenerFiltersTimeout = ProtoDefaults.Nanos(inspection);
        }
    }

    public void PatchFilterChain(ListenerIrBase listener, FilterChain chain)
    {
        if (chain.TransportSocket is not null && Timeout(listener)?.TcpTlsHandshakeTimeoutNanos is { } handshake)
        {
            chain.TransportSocketConnectTimeout = ProtoDefaults.Nanos(handshake);
        }
    }

    public void PatchHttpConnectionManager(HttpListenerIr listener, HttpConnectionManager hcm)
    {
        if (Timeout(listener) is not { } timeout)
        {
            return;
        }

        if (timeout.HttpRequestReceivedTimeoutNanos is { } received)
        {
            hcm.RequestTimeout = ProtoDefaults.Nanos(received);
        }

        if (timeout.HttpRequestHeadersReceivedTimeoutNanos is { } headers)
        {
            hcm.RequestHeadersTimeout = ProtoDefaults.Nanos(headers);
        }

        if (timeout.HttpIdleTimeoutNanos is { } idle)
        {
            (hcm.CommonHttpProtocolOptions ??= new HttpProtocolOptions()).IdleTimeout = ProtoDefaults.Nanos(idle);
        }

        if (timeout.HttpStreamIdleTimeoutNanos is { } streamIdle)
        {
            hcm.StreamIdleTimeout = ProtoDefaults.Nanos(streamIdle);
        }
    }

    public void PatchTcpProxy(TcpListenerIr listener, TcpRouteIr route, TcpProxy proxy)
    {
        if (Timeout(listener)?.TcpIdleTimeoutNanos is { } idle)
        {
            proxy.IdleTimeout = ProtoDefaults.Nanos(idle);
        }
    }

    public void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute)
    {
        if (Timeout(listener)?.HttpStreamIdleTimeoutNanos is not null && xdsRoute.Route_ is { } action && route.Traffic?.Timeout?.StreamIdleTimeout is null)
        {
            action.IdleTimeout = null;
        }
    }

    private static ClientTimeoutSettings? Timeout(ListenerIrBase listener) => listener.ClientTraffic?.Timeout;
}
