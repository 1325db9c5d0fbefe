using System.Globalization;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Quic.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>http3</c> on an HTTPS listener (envoy-mapping.md §2): a UDP listener <c>&lt;first listener&gt;-quic</c>
/// on the same port (QUIC options, <c>drain_type MODIFY_ONLY</c>) whose filter chains copy the HTTPS ones with an HTTP/3
/// HCM and the TLS context inside a QUIC transport socket (ALPN <c>h3</c>); every route of the listener advertises it
/// with <c>alt-svc: h3=":&lt;port&gt;"; ma=86400</c>. Not enabled when the same policy validates client certificates.
/// </summary>
internal sealed class Http3QuicFeature : IRouteFeature, IGatewayResourcesFeature
{
    public const string QuicTransportSocket = "envoy.transport_sockets.quic";

    public string Name => "ctp.http3";

    public void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute)
    {
        if (listener.ClientTraffic?.Http3QuicPort is not { } port)
        {
            return;
        }

#pragma warning disable CS0612 // Envoy Gateway sets the deprecated append flag, not append_action
        xdsRoute.ResponseHeadersToAdd.Add(new HeaderValueOption
        {
            Header = new HeaderValue { Key = "alt-svc", Value = string.Create(CultureInfo.InvariantCulture, $"h3=\":{port}\"; ma=86400") },
            Append = true,
        });
#pragma warning restore CS0612
    }

    public void AddResources(GatewayIr gateway, GatewayResourceLists resources)
    {
        var enabled = gateway.HttpListeners.Where(l => l.Tls is not null && l.ClientTraffic?.Http3QuicPort is not null);
        foreach (var group in enabled.GroupBy(l => l.Port))
        {
            Listener? quic = null;
            foreach (var listener in group)
            {
                var chain = resources.Listeners.SelectMany(l => l.FilterChains).FirstOrDefault(c => c.Name == listener.Name && c.TransportSocket is not null);
                if (chain is null)
                {
                    continue;
                }

                if (quic is null)
                {
                    quic = Skeleton(listener);
                    resources.Listeners.Add(quic);
                }

                quic.FilterChains.Add(QuicChain(chain));
            }
        }
    }

    private static Listener Skeleton(HttpListenerIr first)
    {
        var listener = new Listener
        {
            Name = first.Name + "-quic",
            Address = new Address
            {
                SocketAddress = new SocketAddress { Address = ListenerIrBase.Address, PortValue = (uint)first.Port, Protocol = SocketAddress.Types.Protocol.Udp },
            },
            UdpListenerConfig = new UdpListenerConfig { DownstreamSocketConfig = new UdpSocketConfig(), QuicOptions = new global::Envoy.Config.Listener.V3.QuicProtocolOptions() },
            DrainType = Listener.Types.DrainType.ModifyOnly,
        };
        listener.AccessLog.AddRange(AccessLogDefaults.ForListener());
        return listener;
    }

    // The HTTPS chain (already patched by every feature) with an HTTP/3 HCM and a QUIC transport socket.
    private static FilterChain QuicChain(FilterChain https)
    {
        var chain = https.Clone();
        foreach (var filter in chain.Filters.Where(f => f.TypedConfig?.Is(HttpConnectionManager.Descriptor) == true))
        {
            var hcm = filter.TypedConfig.Unpack<HttpConnectionManager>();
            hcm.CodecType = HttpConnectionManager.Types.CodecType.Http3;
            hcm.Http3ProtocolOptions = new Http3ProtocolOptions();
            filter.TypedConfig = Any.Pack(hcm);
        }

        var tls = chain.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>();
        tls.CommonTlsContext.AlpnProtocols.Clear();
        tls.CommonTlsContext.AlpnProtocols.Add("h3");
        chain.TransportSocket = new TransportSocket
        {
            Name = QuicTransportSocket,
            TypedConfig = Any.Pack(new QuicDownstreamTransport { DownstreamTlsContext = tls }),
        };
        chain.TransportSocketConnectTimeout = null;
        return chain;
    }
}
