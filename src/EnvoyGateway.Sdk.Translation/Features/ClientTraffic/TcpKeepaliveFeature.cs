using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary><c>spec.tcpKeepalive</c> (prefix <c>TCP KeepAlive</c>); stops at the first bad duration.</summary>
internal static class TcpKeepaliveFeature
{
    public const string Prefix = "TCP KeepAlive";

    public static TcpKeepaliveSettings? Build(ClientTrafficPolicySpecTcpKeepalive? keepalive, out string? error)
    {
        error = null;
        if (keepalive is null)
        {
            return null;
        }

        uint? idle = null;
        if (keepalive.IdleTime is { } idleTime)
        {
            if (!GoDuration.TryParse(idleTime.Value, out var ns))
            {
                error = "invalid IdleTime value " + idleTime.Value;
                return null;
            }

            idle = unchecked((uint)(ns / 1_000_000_000L));
        }

        uint? interval = null;
        if (keepalive.Interval is { } intervalValue)
        {
            if (!GoDuration.TryParse(intervalValue.Value, out var ns))
            {
                error = "invalid Interval value " + intervalValue.Value;
                return null;
            }

            interval = unchecked((uint)(ns / 1_000_000_000L));
        }

        return new TcpKeepaliveSettings(keepalive.Probes, idle, interval);
    }
}
