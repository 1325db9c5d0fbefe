using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>tcpKeepalive</c> → <c>Listener.socket_options</c> (envoy-mapping.md §2): SO_KEEPALIVE on, then
/// TCP_KEEPCNT / TCP_KEEPIDLE / TCP_KEEPINTVL for the values that are set, all before bind. Linux option numbers, as
/// Envoy Gateway uses Go's <c>syscall</c> constants.
/// </summary>
internal sealed class TcpKeepaliveListenerFeature : IListenerFeature
{
    private const int SolSocket = 1;
    private const int SoKeepalive = 9;
    private const int IpProtoTcp = 6;
    private const int TcpKeepIdle = 4;
    private const int TcpKeepInterval = 5;
    private const int TcpKeepCount = 6;

    public string Name => "ctp.tcpKeepalive";

    public void PatchListener(ListenerIrBase listener, Listener xdsListener)
    {
        if (listener is UdpListenerIr || listener.ClientTraffic?.TcpKeepalive is not { } keepalive)
        {
            return;
        }

        xdsListener.SocketOptions.Add(Option("socket-enable-keepalive", SolSocket, SoKeepalive, 1));
        if (keepalive.Probes is { } probes)
        {
            xdsListener.SocketOptions.Add(Option("socket-keepalive-probes", IpProtoTcp, TcpKeepCount, probes));
        }

        if (keepalive.IdleTimeSeconds is { } idle)
        {
            xdsListener.SocketOptions.Add(Option("socket-keepalive-idle", IpProtoTcp, TcpKeepIdle, idle));
        }

        if (keepalive.IntervalSeconds is { } interval)
        {
            xdsListener.SocketOptions.Add(Option("socket-keepalive-interval", IpProtoTcp, TcpKeepInterval, interval));
        }
    }

    private static SocketOption Option(string description, long level, long name, long value) => new()
    {
        Description = description,
        Level = level,
        Name = name,
        IntValue = value,
        State = SocketOption.Types.SocketState.StatePrebind,
    };
}
