using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR upstream TCP keepalive (seconds).</summary>
internal sealed record TcpKeepaliveIr(int? Probes, uint? IdleTimeSeconds, uint? IntervalSeconds);

/// <summary>
/// <c>spec.tcpKeepalive</c> (Envoy Gateway <c>buildTCPKeepAlive</c>): idleTime then interval must be Go durations;
/// stops at the first error (<c>invalid IdleTime value x</c>).
/// </summary>
internal static class TcpKeepaliveFeature
{
    public const string Prefix = "TCPKeepalive";

    public static TcpKeepaliveIr? Build(BackendTrafficPolicySpecTcpKeepalive? spec, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        uint? idle = null;
        uint? interval = null;
        if (spec.IdleTime is { } idleTime)
        {
            if (!GoDuration.TryParse(idleTime.Value, out var ns, out _))
            {
                error = "invalid IdleTime value " + idleTime.Value;
                return null;
            }

            idle = (uint)(ns / 1_000_000_000);
        }

        if (spec.Interval is { } intervalValue)
        {
            if (!GoDuration.TryParse(intervalValue.Value, out var ns, out _))
            {
                error = "invalid Interval value " + intervalValue.Value;
                return null;
            }

            interval = (uint)(ns / 1_000_000_000);
        }

        return new TcpKeepaliveIr(spec.Probes, idle, interval);
    }
}
