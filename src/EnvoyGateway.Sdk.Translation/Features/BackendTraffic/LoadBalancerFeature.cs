using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR consistent-hash settings.</summary>
internal sealed record ConsistentHashIr(
    string? Type,
    long? TableSize,
    string? Header,
    IReadOnlyList<string> Headers,
    string? Cookie,
    IReadOnlyList<string> QueryParams,
    long? CookieTtlNanoseconds = null,
    IReadOnlyList<KeyValuePair<string, string>>? CookieAttributes = null);

/// <summary>IR zone-aware routing: prefer the local zone (percent enabled, minimum endpoints) and per-zone weights.</summary>
internal sealed record ZoneAwareIr(int? PreferLocalPercentage, long? PreferLocalMinEndpoints, int? ForceMinEndpointsInZone, bool PreferLocal, IReadOnlyList<KeyValuePair<string, int>> WeightedZones);

/// <summary>
/// IR backend-utilization balancing (client-side weighted round robin from ORCA load reports); durations in nanoseconds,
/// null where unset (Envoy's defaults apply).
/// </summary>
internal sealed record BackendUtilizationIr(
    long? BlackoutPeriodNanoseconds,
    long? WeightExpirationPeriodNanoseconds,
    long? WeightUpdatePeriodNanoseconds,
    int? ErrorUtilizationPenaltyPercent,
    bool KeepResponseHeaders,
    IReadOnlyList<string> MetricNames,
    bool OutOfBand,
    long? OutOfBandReportingPeriodNanoseconds,
    int? OutOfBandPort,
    string? OutOfBandAuthority);

/// <summary>IR load balancer.</summary>
internal sealed record LoadBalancerIr(string? Type, ConsistentHashIr? ConsistentHash, long? SlowStartWindowNanoseconds, ZoneAwareIr? ZoneAware = null,
    BackendUtilizationIr? BackendUtilization = null);

/// <summary>
/// <c>spec.loadBalancer</c> (Envoy Gateway <c>buildLoadBalancer</c>): the consistent-hash table size must be a prime no
/// larger than 5000011 (errors nested as <c>ConsistentHash: ...</c>); the slow-start window must be a Go duration.
/// </summary>
internal static class LoadBalancerFeature
{
    public const string Prefix = "LoadBalancer";

    public const long MaxConsistentHashTableSize = 5000011;

    public static LoadBalancerIr? Build(BackendTrafficPolicySpecLoadBalancer? spec, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        ConsistentHashIr? consistentHash = null;
        var type = spec.Type?.Value;
        if (type == "ConsistentHash")
        {
            var ch = spec.ConsistentHash;
            const string Path = "spec.loadBalancer.consistentHash";
            error = RequiredValues.FirstNullItemOrField(ch?.Headers, Path + ".headers", "name", h => h.Name)
                ?? RequiredValues.FirstNullItemOrField(ch?.QueryParams, Path + ".queryParams", "name", q => q.Name);
            if (error is not null)
            {
                return null;
            }

            if (ch?.TableSize is { } tableSize && (tableSize > MaxConsistentHashTableSize || !IsPrime(tableSize)))
            {
                error = "ConsistentHash: invalid TableSize value " + tableSize.ToString(CultureInfo.InvariantCulture);
                return null;
            }

            consistentHash = new ConsistentHashIr(
                ch?.Type?.Value,
                ch?.TableSize,
                ch?.Header?.Name,
                (ch?.Headers ?? []).Select(h => h.Name).ToList(),
                ch?.Cookie?.Name,
                (ch?.QueryParams ?? []).Select(q => q.Name).ToList(),
                ch?.Cookie?.Ttl is { } ttl && GoDuration.TryParse(ttl.Value, out var ttlNanoseconds) ? ttlNanoseconds : null,
                (ch?.Cookie?.Attributes ?? new Dictionary<string, string>()).OrderBy(a => a.Key, System.StringComparer.Ordinal).ToList());
        }

        long? window = null;
        if (spec.SlowStart?.Window is { } slowStart)
        {
            if (!GoDuration.TryParse(slowStart.Value, out var nanoseconds, out var parseError))
            {
                error = parseError;
                return null;
            }

            window = nanoseconds;
        }

        ZoneAwareIr? zoneAware = null;
        if (spec.ZoneAware is { } zone)
        {
            zoneAware = new ZoneAwareIr(
                zone.PreferLocal?.PercentageEnabled,
                zone.PreferLocal?.MinEndpointsThreshold,
                zone.PreferLocal?.Force?.MinEndpointsInZoneThreshold,
                zone.PreferLocal is not null,
                (zone.WeightedZones ?? []).Where(z => z is not null).Select(z => new KeyValuePair<string, int>(z.Zone ?? string.Empty, z.Weight)).ToList());
        }

        var utilization = type == "BackendUtilization" ? BackendUtilization(spec.BackendUtilization) : null;
        return new LoadBalancerIr(type, consistentHash, window, zoneAware, utilization);
    }

    // Envoy Gateway reports no errors for these fields (the CRD pattern already checks the durations).
    private static BackendUtilizationIr BackendUtilization(BackendTrafficPolicySpecLoadBalancerBackendUtilization? spec) =>
        new(
            Nanos(spec?.BlackoutPeriod?.Value),
            Nanos(spec?.WeightExpirationPeriod?.Value),
            Nanos(spec?.WeightUpdatePeriod?.Value),
            spec?.ErrorUtilizationPenaltyPercent,
            spec?.KeepResponseHeaders == true,
            (spec?.MetricNamesForComputingUtilization ?? []).OfType<string>().ToList(),
            spec?.OutOfBand is not null,
            Nanos(spec?.OutOfBand?.ReportingPeriod?.Value),
            spec?.OutOfBand?.Port,
            spec?.OutOfBand?.Authority);

    private static long? Nanos(string? duration) => GoDuration.TryParse(duration, out var nanoseconds, out _) ? nanoseconds : null;

    /// <summary><c>big.Int.ProbablyPrime</c> for the table-size range (exact for 64-bit values).</summary>
    public static bool IsPrime(long value)
    {
        if (value < 2)
        {
            return false;
        }

        if (value < 4)
        {
            return true;
        }

        if (value % 2 == 0)
        {
            return false;
        }

        var n = new BigInteger(value);
        for (long d = 3; d * d <= value; d += 2)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}
