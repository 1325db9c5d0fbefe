using EnvoyGateway.Sdk.Policies.V1Alpha1;

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
            if (!ClientTrafficValues.TryDuration(tcp.IdleTimeout, "TCP IdleTimeout", out tcpIdle, ref error)
                || !ClientTrafficValues.TryDuration(tcp.ConnectionInspectionTimeout, "TCP ConnectionInspectionTimeout", out inspection, ref error)
                || !ClientTrafficValues.TryDuration(tcp.TlsHandshakeTimeout, "TCP TLSHandshakeTimeout", out handshake, ref error))
            {
                return null;
            }
        }

        long? requestReceived = null, headersReceived = null, httpIdle = null, streamIdle = null;
        if (timeout.Http is { } http)
        {
            if (!ClientTrafficValues.TryDuration(http.RequestReceivedTimeout, "HTTP RequestReceivedTimeout", out requestReceived, ref error)
                || !ClientTrafficValues.TryDuration(http.IdleTimeout, "HTTP IdleTimeout", out httpIdle, ref error)
                || !ClientTrafficValues.TryDuration(http.StreamIdleTimeout, "HTTP StreamIdleTimeout", out streamIdle, ref error)
                || !ClientTrafficValues.TryDuration(http.RequestHeadersReceivedTimeout, "HTTP RequestHeadersReceivedTimeout", out headersReceived, ref error))
            {
                return null;
            }
        }

        return new ClientTimeoutSettings(tcpIdle, inspection, handshake, requestReceived, headersReceived, httpIdle, streamIdle);
    }
}
