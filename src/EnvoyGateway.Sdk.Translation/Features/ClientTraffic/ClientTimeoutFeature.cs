using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary><c>spec.timeout</c> (prefix <c>Timeout</c>); stops at the first bad duration.</summary>
internal static class ClientTimeoutFeature
{
    public const string Prefix = "Timeout";

    public static ClientTimeoutSettings? Build(ClientTrafficPolicySpecTimeout? timeout, out string? error)
    {
        error = null;
        if (timeout is null)
        {
            return null;
        }

        long? tcpIdle = null, inspection = null, handshake = null;
        if (timeout.Tcp is { } tcp)
        {
            if (!TryDuration(tcp.IdleTimeout, "TCP IdleTimeout", out tcpIdle, ref error)
                || !TryDuration(tcp.ConnectionInspectionTimeout, "TCP ConnectionInspectionTimeout", out inspection, ref error)
                || !TryDuration(tcp.TlsHandshakeTimeout, "TCP TLSHandshakeTimeout", out handshake, ref error))
            {
                return null;
            }
        }

        long? requestReceived = null, headersReceived = null, httpIdle = null, streamIdle = null;
        if (timeout.Http is { } http)
        {
            if (!TryDuration(http.RequestReceivedTimeout, "HTTP RequestReceivedTimeout", out requestReceived, ref error)
                || !TryDuration(http.IdleTimeout, "HTTP IdleTimeout", out httpIdle, ref error)
                || !TryDuration(http.StreamIdleTimeout, "HTTP StreamIdleTimeout", out streamIdle, ref error)
                || !TryDuration(http.RequestHeadersReceivedTimeout, "HTTP RequestHeadersReceivedTimeout", out headersReceived, ref error))
            {
                return null;
            }
        }

        return new ClientTimeoutSettings(tcpIdle, inspection, handshake, requestReceived, headersReceived, httpIdle, streamIdle);
    }

    private static bool TryDuration(GatewayDuration? duration, string field, out long? nanoseconds, ref string? error)
    {
        nanoseconds = null;
        if (duration is null)
        {
            return true;
        }

        if (!GoDuration.TryParse(duration.Value, out var ns))
        {
            error = $"invalid {field} value {duration.Value}";
            return false;
        }

        nanoseconds = ns;
        return true;
    }
}
