using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Udp.UdpProxy.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>A UDP listener: a UDP socket with the udp_proxy listener filter sending everything to the route's cluster.</summary>
internal static class UdpListenerTranslator
{
    public static Listener Translate(UdpListenerIr listener, UdpRouteIr route)
    {
        // Envoy Gateway routes through a matcher whose action is udp_proxy.v3.Route; route.proto is not in the compiled
        // proto set, so the equivalent single-cluster form is used.
#pragma warning disable CS0612 // the deprecated single-cluster field is the only routing form available here
        var proxy = new UdpProxyConfig
        {
            StatPrefix = "service",
            Cluster = route.Destination?.Name ?? ListenerTranslator.EmptyClusterName,
        };
#pragma warning restore CS0612
        proxy.AccessLog.AddRange(AccessLogDefaults.Plain());
        return new Listener
        {
            Name = listener.Name,
            Address = new Address
            {
                SocketAddress = new SocketAddress { Address = ListenerIrBase.Address, PortValue = (uint)listener.Port, Protocol = SocketAddress.Types.Protocol.Udp },
            },
            ListenerFilters = { new ListenerFilter { Name = XdsNames.UdpProxyFilter, TypedConfig = Any.Pack(proxy) } },
        };
    }
}
