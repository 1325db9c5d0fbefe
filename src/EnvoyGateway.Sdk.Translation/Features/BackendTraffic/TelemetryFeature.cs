using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>A sampling fraction numerator/denominator.</summary>
internal sealed record FractionIr(int Numerator, int Denominator);

/// <summary>IR backend telemetry (route tracing and route stat name).</summary>
internal sealed record TelemetryIr(
    string? RouteStatName,
    FractionIr? SamplingFraction,
    FractionIr? ClientSamplingFraction,
    FractionIr? OverallSamplingFraction,
    IReadOnlyDictionary<string, string> Tags,
    string? SpanNameClient,
    string? SpanNameServer);

/// <summary><c>spec.telemetry</c>: copied into the IR; no validation beyond the CRD's.</summary>
internal static class TelemetryFeature
{
    public const string Prefix = "Telemetry";

    public static TelemetryIr? Build(BackendTrafficPolicySpecTelemetry? spec, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        var tracing = spec.Tracing;
        return new TelemetryIr(
            spec.Metrics?.RouteStatName,
            tracing?.SamplingFraction is { } s ? new FractionIr(s.Numerator, s.Denominator ?? 100) : null,
            tracing?.ClientSamplingFraction is { } c ? new FractionIr(c.Numerator, c.Denominator ?? 100) : null,
            tracing?.OverallSamplingFraction is { } o ? new FractionIr(o.Numerator, o.Denominator ?? 100) : null,
            (tracing?.Tags ?? new Dictionary<string, string>()).OrderBy(t => t.Key, System.StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value),
            tracing?.SpanName?.Client,
            tracing?.SpanName?.Server);
    }
}
