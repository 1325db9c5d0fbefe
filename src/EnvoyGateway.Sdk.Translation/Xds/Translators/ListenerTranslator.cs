using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Listener.TlsInspector.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>Envoy listeners: the shared TCP-socket skeleton, TLS transport sockets and TCP proxy filter chains.</summary>
internal static class ListenerTranslator
{
    /// <summary>A TCP-socket listener named after the first IR listener on its port.</summary>
    public static Listener Skeleton(ListenerIrBase first)
    {
        var listener = new Listener
        {
            Name = first.Name,
            Address = new Address { SocketAddress = new SocketAddress { Address = ListenerIrBase.Address, PortValue = (uint)first.Port } },
            PerConnectionBufferLimitBytes = ProtoDefaults.BufferLimitBytes,
            MaxConnectionsToAcceptPerSocketEvent = 1,
        };
        listener.AccessLog.AddRange(AccessLogDefaults.ForListener());
        return listener;
    }

    public static ListenerFilter TlsInspector() => new() { Name = XdsNames.TlsInspectorFilter, TypedConfig = Any.Pack(new TlsInspector()) };

    /// <summary>A downstream TLS socket serving <paramref name="tls"/>'s certificates over SDS.</summary>
    public static TransportSocket DownstreamTls(TlsIr tls, IEnumerable<string> alpn)
    {
        var context = new DownstreamTlsContext
        {
            CommonTlsContext = new CommonTlsContext(),
            DisableStatefulSessionResumption = true,
            DisableStatelessSessionResumption = true,
        };
        context.CommonTlsContext.AlpnProtocols.AddRange(alpn);
        context.CommonTlsContext.TlsCertificateSdsSecretConfigs.AddRange(tls.CertificateSecretNames.Select(ProtoDefaults.Sds));
        return new TransportSocket { Name = XdsNames.TlsTransportSocket, TypedConfig = Any.Pack(context) };
    }

    /// <summary>One filter chain of a TCP/TLS listener: SNI match (TLS), optional TLS termination, and the TCP proxy.</summary>
    public static (FilterChain Chain, TcpProxy Proxy) TcpChain(TcpListenerIr listener, TcpRouteIr route)
    {
        var proxy = new TcpProxy
        {
            StatPrefix = XdsNames.TcpStatPrefix(route.Passthrough, route.TerminateTls is not null, listener.Port),
            Cluster = route.Destination?.Name ?? EmptyClusterName,
        };
        proxy.AccessLog.AddRange(AccessLogDefaults.Plain());
        var chain = new FilterChain { Name = route.Name };
        if (route.SniHostnames.Count > 0)
        {
            chain.FilterChainMatch = new FilterChainMatch { ServerNames = { route.SniHostnames } };
        }

        if (route.TerminateTls is { } tls)
        {
            chain.TransportSocket = DownstreamTls(tls, []);
        }

        return (chain, proxy);
    }

    /// <summary>The cluster a TCP proxy names when its route has no usable backend (Envoy Gateway's <c>EmptyCluster</c>).</summary>
    public const string EmptyClusterName = "EmptyCluster";
}
