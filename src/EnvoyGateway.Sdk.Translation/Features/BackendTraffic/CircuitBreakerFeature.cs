using System.Globalization;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR circuit breaker thresholds.</summary>
internal sealed record CircuitBreakerIr(
    uint? MaxConnections,
    uint? MaxParallelRequests,
    uint? MaxPendingRequests,
    uint? MaxParallelRetries,
    uint? MaxRequestsPerConnection,
    uint? PerEndpointMaxConnections);

/// <summary>
/// <c>spec.circuitBreaker</c> (Envoy Gateway <c>buildCircuitBreaker</c>): every threshold must fit a uint32; stops at
/// the first invalid value (<c>invalid MaxConnections value -1</c>).
/// </summary>
internal static class CircuitBreakerFeature
{
    public const string Prefix = "CircuitBreaker";

    public static CircuitBreakerIr? Build(BackendTrafficPolicySpecCircuitBreaker? spec, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        if (!Convert(spec.MaxConnections, "MaxConnections", out var maxConnections, ref error)
            || !Convert(spec.MaxParallelRequests, "MaxParallelRequests", out var maxParallelRequests, ref error)
            || !Convert(spec.MaxPendingRequests, "MaxPendingRequests", out var maxPendingRequests, ref error)
            || !Convert(spec.MaxParallelRetries, "MaxParallelRetries", out var maxParallelRetries, ref error)
            || !Convert(spec.MaxRequestsPerConnection, "MaxRequestsPerConnection", out var maxRequestsPerConnection, ref error)
            || !Convert(spec.PerEndpoint?.MaxConnections, "PerEndpoint.MaxConnections", out var perEndpoint, ref error))
        {
            return null;
        }

        return new CircuitBreakerIr(maxConnections, maxParallelRequests, maxPendingRequests, maxParallelRetries, maxRequestsPerConnection, perEndpoint);
    }

    private static bool Convert(long? value, string name, out uint? result, ref string? error)
    {
        result = null;
        if (value is null)
        {
            return true;
        }

        if (value.Value < 0 || value.Value > uint.MaxValue)
        {
            error = "invalid " + name + " value " + value.Value.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        result = (uint)value.Value;
        return true;
    }
}
