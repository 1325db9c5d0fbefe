using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.ConnectionLimit.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;
using NetworkFilter = Envoy.Config.Listener.V3.Filter;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>connection</c> (envoy-mapping.md §2): <c>bufferLimit</c> → <c>Listener.per_connection_buffer_limit_bytes</c>,
/// <c>maxAcceptPerSocketEvent</c> → <c>Listener.max_connections_to_accept_per_socket_event</c> (0 leaves it unset),
/// <c>connectionLimit.value</c>/<c>closeDelay</c> → an <c>envoy.filters.network.connection_limit</c> filter just before the
/// HCM or TCP proxy (sharing its stat prefix), and the connection/stream durations and request count → the HCM's
/// <c>common_http_protocol_options</c>.
/// </summary>
internal sealed class ConnectionListenerFeature : IListenerFeature, IIrFeature
{
    public const string ConnectionLimitFilter = "envoy.filters.network.connection_limit";

    public string Name => "ctp.connection";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var listener in gateway.HttpListeners)
        {
            // Envoy Gateway pairs a max connection duration with http1_safe_max_connection_duration (unless disabled).
            if (listener.ClientTraffic is { Connection.ConnectionLimit.MaxConnectionDurationNanos: not null } traffic
                && traffic.Http1?.DisableSafeMaxConnectionDuration != true)
            {
                ClientTrafficGaps.Warn(gateway, listener, "envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
                    "http1_safe_max_connection_duration", "connection.connectionLimit.maxConnectionDuration (safe HTTP/1 drain)");
            }
        }
    }

    public void PatchListener(ListenerIrBase listener, Listener xdsListener)
    {
        if (listener is UdpListenerIr || listener.ClientTraffic?.Connection is not { } connection)
        {
            return;
        }

        if (connection.BufferLimitBytes is { } buffer)
        {
            xdsListener.PerConnectionBufferLimitBytes = buffer;
        }

        if (connection.MaxAcceptPerSocketEvent is { } maxAccept)
        {
            xdsListener.MaxConnectionsToAcceptPerSocketEvent = maxAccept == 0 ? null : maxAccept;
        }
    }

    public void PatchFilterChain(ListenerIrBase listener, FilterChain chain)
    {
        if (listener.ClientTraffic?.Connection?.ConnectionLimit is not { Value: { } max } limit || chain.Filters.Count == 0)
        {
            return;
        }

        var terminal = chain.Filters[^1];
        var config = new ConnectionLimit { StatPrefix = StatPrefix(terminal), MaxConnections = max };
        if (limit.CloseDelayNanos is { } delay)
        {
            config.Delay = ProtoDefaults.Nanos(delay);
        }

        chain.Filters.Insert(chain.Filters.Count - 1, new NetworkFilter { Name = ConnectionLimitFilter, TypedConfig = Any.Pack(config) });
    }

    public void PatchHttpConnectionManager(HttpListenerIr listener, HttpConnectionManager hcm)
    {
        if (listener.ClientTraffic?.Connection?.ConnectionLimit is not { } limit)
        {
            return;
        }

        var options = hcm.CommonHttpProtocolOptions ??= new HttpProtocolOptions();
        if (limit.MaxConnectionDurationNanos is { } connectionDuration)
        {
            options.MaxConnectionDuration = ProtoDefaults.Nanos(connectionDuration);
        }

        if (limit.MaxRequestsPerConnection is { } requests)
        {
            options.MaxRequestsPerConnection = unchecked((uint)requests);
        }

        if (limit.MaxStreamDurationNanos is { } streamDuration)
        {
            options.MaxStreamDuration = ProtoDefaults.Nanos(streamDuration);
        }
    }

    // The connection limit reuses the stat prefix of the filter it guards.
    private static string StatPrefix(NetworkFilter terminal) =>
        terminal.TypedConfig.Is(HttpConnectionManager.Descriptor) ? terminal.TypedConfig.Unpack<HttpConnectionManager>().StatPrefix
        : terminal.TypedConfig.Is(TcpProxy.Descriptor) ? terminal.TypedConfig.Unpack<TcpProxy>().StatPrefix
        : terminal.Name;
}
