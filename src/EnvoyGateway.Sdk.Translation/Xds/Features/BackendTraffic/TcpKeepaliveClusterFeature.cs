using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>tcpKeepalive</c> → <c>Cluster.upstream_connection_options.tcp_keepalive</c> (probes, idle
/// time and interval in seconds; unset values keep the OS defaults).
/// </summary>
internal sealed class TcpKeepaliveClusterFeature : IClusterFeature
{
    public string Name => "btp.tcpKeepalive";

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.TcpKeepalive is not { } keepalive)
        {
            return;
        }

        var tcp = new TcpKeepalive();
        if (keepalive.Probes is { } probes)
        {
            tcp.KeepaliveProbes = (uint)probes;
        }

        if (keepalive.IdleTimeSeconds is { } idle)
        {
            tcp.KeepaliveTime = idle;
        }

        if (keepalive.IntervalSeconds is { } interval)
        {
            tcp.KeepaliveInterval = interval;
        }

        cluster.UpstreamConnectionOptions = new UpstreamConnectionOptions { TcpKeepalive = tcp };
    }
}
