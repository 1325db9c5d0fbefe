using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR fault injection (percentages as given; CRD default 100).</summary>
internal sealed record FaultInjectionIr(long? DelayNanoseconds, double? DelayPercentage, int? AbortHttpStatus, int? AbortGrpcStatus, double? AbortPercentage);

/// <summary>IR health check summary (active type, panic threshold, passive presence).</summary>
internal sealed record HealthCheckIr(string? ActiveType, int? PanicThreshold, bool Passive);

/// <summary>IR DNS settings of FQDN backends.</summary>
internal sealed record DnsIr(long? RefreshRateNanoseconds, bool? RespectDnsTtl, string? LookupFamily);

/// <summary>IR compressors (<c>compressor</c> wins over the deprecated <c>compression</c>).</summary>
internal sealed record CompressionIr(IReadOnlyList<string> Types);

/// <summary>IR admission control.</summary>
internal sealed record AdmissionControlIr(long? SamplingWindowNanoseconds, int? MinSuccessRate, int? RejectionAggression, int? MinRequestRate, int? MaxRejectionPercent);

/// <summary>
/// Features Envoy Gateway builds without reporting errors (fault injection, health check, DNS, compression, HTTP
/// upgrade, admission control, proxy protocol): they only become IR pieces.
/// </summary>
internal static class UnvalidatedFeatures
{
    public static FaultInjectionIr? FaultInjection(BackendTrafficPolicySpecFaultInjection? spec) =>
        spec is null
            ? null
            : new FaultInjectionIr(
                spec.Delay?.FixedDelay is { } d && GoDuration.TryParse(d.Value, out var ns, out _) ? ns : null,
                spec.Delay is null ? null : spec.Delay.Percentage ?? 100,
                spec.Abort?.HttpStatus,
                spec.Abort?.GrpcStatus,
                spec.Abort is null ? null : spec.Abort.Percentage ?? 100);

    public static HealthCheckIr? HealthCheck(BackendTrafficPolicySpecHealthCheck? spec) =>
        spec is null ? null : new HealthCheckIr(spec.Active?.Type?.Value, spec.PanicThreshold, spec.Passive is not null);

    public static DnsIr? Dns(BackendTrafficPolicySpecDns? spec) =>
        spec is null
            ? null
            : new DnsIr(
                spec.DnsRefreshRate is { } r && GoDuration.TryParse(r.Value, out var ns, out _) ? ns : null,
                spec.RespectDnsTtl,
                spec.LookupFamily?.Value);

    public static CompressionIr? Compression(BackendTrafficPolicySpec spec)
    {
        if (spec.Compressor is { Count: > 0 } compressor)
        {
            return new CompressionIr(compressor.Select(c => c.Type?.Value ?? string.Empty).ToList());
        }

        if (spec.Compression is { Count: > 0 } compression)
        {
            return new CompressionIr(compression.Select(c => c.Type?.Value ?? string.Empty).ToList());
        }

        return null;
    }

    public static AdmissionControlIr? AdmissionControl(BackendTrafficPolicySpecAdmissionControl? spec) =>
        spec is null
            ? null
            : new AdmissionControlIr(
                spec.SamplingWindow is { } w && GoDuration.TryParse(w.Value, out var ns, out _) ? ns : null,
                spec.MinSuccessRate,
                spec.RejectionAggression,
                spec.MinRequestRate,
                spec.MaxRejectionPercent);
}
