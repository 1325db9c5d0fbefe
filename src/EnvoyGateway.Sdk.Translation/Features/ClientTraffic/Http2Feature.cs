using System.Collections.Generic;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary><c>spec.http2</c> (prefix <c>HTTP2</c>); every problem is reported, joined by newline.</summary>
internal static class Http2Feature
{
    public const string Prefix = "HTTP2";

    private const long MinWindow = 65535;
    private const long MaxWindow = 2147483647;

    public static Http2Settings? Build(ClientTrafficPolicySpecHttp2? http2, out string? error)
    {
        error = null;
        if (http2 is null)
        {
            return null;
        }

        var errors = new List<string>();
        var stream = Window(http2.InitialStreamWindowSize, "InitialStreamWindowSize", errors);
        var connection = Window(http2.InitialConnectionWindowSize, "InitialConnectionWindowSize", errors);

        bool? resetStreamOnError = http2.OnInvalidMessage switch
        {
            "TerminateStream" => true,
            "TerminateConnection" => false,
            _ => null,
        };

        long? interval = null, timeout = null, idle = null;
        int? jitter = null;
        if (http2.ConnectionKeepalive is { } keepalive)
        {
            interval = Duration(keepalive.Interval, "ConnectionKeepalive Interval", errors);
            timeout = Duration(keepalive.Timeout, "ConnectionKeepalive Timeout", errors);
            idle = Duration(keepalive.IdleInterval, "ConnectionKeepalive IdleInterval", errors);
            jitter = keepalive.IntervalJitter;
        }

        if (errors.Count > 0)
        {
            error = string.Join('\n', errors);
            return null;
        }

        return new Http2Settings(stream, connection, http2.MaxConcurrentStreams, resetStreamOnError, interval, timeout, idle, jitter);
    }

    private static uint? Window(Quantity? quantity, string field, List<string> errors)
    {
        if (quantity is null)
        {
            return null;
        }

        var q = GoQuantity.From(quantity);
        var shown = q?.ToString() ?? quantity.Value;
        if (q is null || !q.TryAsInt64(out var value))
        {
            errors.Add($"invalid {field} value {shown}");
            return null;
        }

        if (value < MinWindow || value > MaxWindow)
        {
            errors.Add($"{field} value {shown} is out of range, must be between 65535 and 2147483647");
            return null;
        }

        return (uint)value;
    }

    private static long? Duration(GatewayDuration? duration, string field, List<string> errors)
    {
        string? error = null;
        if (!ClientTrafficValues.TryDuration(duration, field, out var ns, ref error))
        {
            errors.Add(error!);
        }

        return ns;
    }
}
