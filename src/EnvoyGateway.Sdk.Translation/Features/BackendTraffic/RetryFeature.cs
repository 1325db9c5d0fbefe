using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR retry policy (durations in nanoseconds).</summary>
internal sealed record RetryIr(
    int? NumRetries,
    int? NumAttemptsPerPriority,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<long> HttpStatusCodes,
    long? PerRetryTimeout,
    long? BaseInterval,
    long? MaxInterval);

/// <summary>
/// <c>spec.retry</c> (Envoy Gateway <c>buildRetry</c>): back-off base interval may not be 0s and the max interval may
/// not be below the base interval; durations must parse as Go durations.
/// </summary>
internal static class RetryFeature
{
    public const string Prefix = "Retry";

    public static RetryIr? Build(BackendTrafficPolicySpecRetry? spec, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        error = RequiredValues.FirstNullItem(spec.RetryOn?.Triggers, "spec.retry.retryOn.triggers");
        if (error is not null)
        {
            return null;
        }

        long? timeout = null;
        long? baseInterval = null;
        long? maxInterval = null;
        if (spec.PerRetry is { } perRetry)
        {
            if (perRetry.Timeout is { } t)
            {
                if (!GoDuration.TryParse(t.Value, out var ns, out error))
                {
                    return null;
                }

                timeout = ns;
            }

            if (perRetry.BackOff is { } backOff && (backOff.MaxInterval is not null || backOff.BaseInterval is not null))
            {
                if (backOff.MaxInterval is { } max)
                {
                    if (!GoDuration.TryParse(max.Value, out var ns, out error))
                    {
                        return null;
                    }

                    maxInterval = ns;
                }

                if (backOff.BaseInterval is { } b)
                {
                    if (!GoDuration.TryParse(b.Value, out var ns, out error))
                    {
                        return null;
                    }

                    baseInterval = ns;
                    if (ns == 0)
                    {
                        error = "baseInterval cannot be set to 0s";
                        return null;
                    }
                }

                if (maxInterval is not null && baseInterval is not null && maxInterval < baseInterval)
                {
                    error = "maxInterval cannot be less than baseInterval";
                    return null;
                }
            }
        }

        return new RetryIr(
            spec.NumRetries,
            spec.NumAttemptsPerPriority,
            (spec.RetryOn?.Triggers ?? []).Select(t => t.Value).ToList(),
            (spec.RetryOn?.HttpStatusCodes ?? []).ToList(),
            timeout,
            baseInterval,
            maxInterval);
    }
}
