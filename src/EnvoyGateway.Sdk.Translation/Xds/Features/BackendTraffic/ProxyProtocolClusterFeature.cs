using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.ProxyProtocol.V3;
using Envoy.Extensions.TransportSockets.RawBuffer.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>proxyProtocol.version</c> → <c>Cluster.transport_socket</c> =
/// <c>envoy.transport_sockets.upstream_proxy_protocol</c> wrapping the cluster's socket (raw buffer when it has none).
/// </summary>
internal sealed class ProxyProtocolClusterFeature : IClusterFeature
{
    public const string SocketName = "envoy.transport_sockets.upstream_proxy_protocol";
    public const string RawBufferName = "envoy.transport_sockets.raw_buffer";

    public string Name => "btp.proxyProtocol";

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.ProxyProtocolVersion is not { } version)
        {
            return;
        }

        var inner = cluster.TransportSocket ?? new TransportSocket { Name = RawBufferName, TypedConfig = Any.Pack(new RawBuffer()) };
        var upstream = new ProxyProtocolUpstreamTransport
        {
            Config = new ProxyProtocolConfig { Version = version == "V2" ? ProxyProtocolConfig.Types.Version.V2 : ProxyProtocolConfig.Types.Version.V1 },
            TransportSocket = inner,
        };
        cluster.TransportSocket = new TransportSocket { Name = SocketName, TypedConfig = Any.Pack(upstream) };
    }
}
