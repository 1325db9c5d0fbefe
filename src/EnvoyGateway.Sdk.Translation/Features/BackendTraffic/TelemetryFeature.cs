using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>A sampling fraction numerator/denominator.</summary>
internal sealed record FractionIr(int Numerator, int Denominator);

/// <summary>
/// A typed span tag (<c>tracing.customTags</c>, deprecated for <c>tags</c>): <paramref name="Type"/> Literal (value),
/// Environment or RequestHeader (<paramref name="Name"/> of the variable or header, with an optional default).
/// </summary>
internal sealed record CustomTagIr(string Tag, string Type, string? Value, string? Name, string? DefaultValue);

/// <summary>IR backend telemetry (route tracing and route stat name).</summary>
internal sealed record TelemetryIr(
    string? RouteStatName,
    FractionIr? SamplingFraction,
    FractionIr? ClientSamplingFraction,
    FractionIr? OverallSamplingFraction,
    IReadOnlyDictionary<string, string> Tags,
    string? SpanNameClient,
    string? SpanNameServer,
    IReadOnlyList<CustomTagIr>? CustomTags = null)
{
    /// <summary>True when <c>telemetry.tracing</c> is set (the route gets <c>Route.tracing</c>).</summary>
    public bool Tracing { get; init; }
}

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
            tracing?.SpanName?.Server,
            CustomTags(tracing?.CustomTags))
        {
            Tracing = tracing is not null,
        };
    }

    // Sorted by tag name; entries the schema would refuse (null) are skipped.
    private static List<CustomTagIr> CustomTags(IDictionary<string, BackendTrafficPolicySpecTelemetryTracingCustomTagsValue>? tags) =>
        (tags ?? new Dictionary<string, BackendTrafficPolicySpecTelemetryTracingCustomTagsValue>())
            .Where(t => t.Value is not null)
            .OrderBy(t => t.Key, System.StringComparer.Ordinal)
            .Select(t => (t.Value.Type?.Value ?? "Literal") switch
            {
                "Environment" => new CustomTagIr(t.Key, "Environment", null, t.Value.Environment?.Name, t.Value.Environment?.DefaultValue),
                "RequestHeader" => new CustomTagIr(t.Key, "RequestHeader", null, t.Value.RequestHeader?.Name, t.Value.RequestHeader?.DefaultValue),
                _ => new CustomTagIr(t.Key, "Literal", t.Value.Literal?.Value, null, null),
            })
            .ToList();
}
