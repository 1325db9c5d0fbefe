using System.Collections.Generic;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR backend timeouts (nanoseconds).</summary>
internal sealed record TimeoutIr(
    long? ConnectTimeout,
    long? ConnectionIdleTimeout,
    long? MaxConnectionDuration,
    long? RequestTimeout,
    long? MaxStreamDuration,
    long? StreamIdleTimeout);

/// <summary>
/// <c>spec.timeout</c> (Envoy Gateway <c>buildClusterSettingsTimeout</c>): each duration must parse as a Go duration;
/// all failures are joined (<c>invalid MaxConnectionDuration value 22mib</c>).
/// </summary>
internal static class TimeoutFeature
{
    public const string Prefix = "Timeout";

    public static TimeoutIr? Build(BackendTrafficPolicySpecTimeout? spec, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        var errors = new List<string>();
        var connect = Parse(spec.Tcp?.ConnectTimeout, "ConnectTimeout", errors);
        var http = spec.Http;
        var idle = Parse(http?.ConnectionIdleTimeout, "ConnectionIdleTimeout", errors);
        var maxConnection = Parse(http?.MaxConnectionDuration, "MaxConnectionDuration", errors);
        var request = Parse(http?.RequestTimeout, "RequestTimeout", errors);
        var maxStream = Parse(http?.MaxStreamDuration, "MaxStreamDuration", errors);
        var streamIdle = Parse(http?.StreamIdleTimeout, "StreamIdleTimeout", errors);
        if (errors.Count > 0)
        {
            error = string.Join('\n', errors);
            return null;
        }

        return new TimeoutIr(connect, idle, maxConnection, request, maxStream, streamIdle);
    }

    private static long? Parse(GatewayDuration? value, string name, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (!GoDuration.TryParse(value.Value, out var ns, out _))
        {
            errors.Add("invalid " + name + " value " + value.Value);
            return null;
        }

        return ns;
    }
}
