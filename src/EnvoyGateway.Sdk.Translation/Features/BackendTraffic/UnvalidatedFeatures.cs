using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR fault injection (percentages as given; CRD default 100).</summary>
internal sealed record FaultInjectionIr(long? DelayNanoseconds, double? DelayPercentage, int? AbortHttpStatus, int? AbortGrpcStatus, double? AbortPercentage);

/// <summary>IR health check: active type, panic threshold, passive presence, and the settings of each (CRD defaults applied).</summary>
internal sealed record HealthCheckIr(string? ActiveType, int? PanicThreshold, bool Passive, ActiveHealthCheckIr? ActiveSettings = null, PassiveHealthCheckIr? PassiveSettings = null);

/// <summary>A health-check payload: text (hex-encoded by Envoy Gateway) or base64 binary.</summary>
internal sealed record HealthCheckPayloadIr(string? Text, string? Binary);

/// <summary>IR active health check (durations in nanoseconds; CRD defaults timeout 1s, interval 3s, thresholds 3/1).</summary>
internal sealed record ActiveHealthCheckIr(
    string Type,
    long TimeoutNanoseconds,
    long IntervalNanoseconds,
    long? InitialJitterNanoseconds,
    int UnhealthyThreshold,
    int HealthyThreshold,
    string? HttpPath,
    string? HttpHostname,
    string? HttpMethod,
    IReadOnlyList<long> ExpectedStatuses,
    IReadOnlyList<long> RetriableStatuses,
    HealthCheckPayloadIr? HttpRequestBody,
    HealthCheckPayloadIr? HttpExpectedResponse,
    HealthCheckPayloadIr? TcpSend,
    HealthCheckPayloadIr? TcpReceive,
    string? GrpcService,
    int? OverridePort);

/// <summary>IR passive health check (outlier detection; CRD defaults applied, durations in nanoseconds).</summary>
internal sealed record PassiveHealthCheckIr(
    long IntervalNanoseconds,
    long BaseEjectionTimeNanoseconds,
    int MaxEjectionPercent,
    int Consecutive5xxErrors,
    int? ConsecutiveGatewayErrors,
    int ConsecutiveLocalOriginFailures,
    bool SplitExternalLocalOriginErrors,
    int? FailurePercentageThreshold,
    bool AlwaysEjectOneEndpoint);

/// <summary>IR DNS settings of FQDN backends.</summary>
internal sealed record DnsIr(long? RefreshRateNanoseconds, bool? RespectDnsTtl, string? LookupFamily);

/// <summary>IR HTTP upgrade: the upgrade type (<c>websocket</c>, <c>CONNECT</c>...) and whether a CONNECT is terminated by Envoy.</summary>
internal sealed record HttpUpgradeIr(string Type, bool ConnectTerminate);

/// <summary>IR compressors (<c>compressor</c> wins over the deprecated <c>compression</c>), with each entry's minimum content length.</summary>
internal sealed record CompressionIr(IReadOnlyList<string> Types, IReadOnlyList<long?>? MinContentLengths = null);

/// <summary>IR admission control (success criteria: HTTP status codes and gRPC status names).</summary>
internal sealed record AdmissionControlIr(
    long? SamplingWindowNanoseconds,
    int? MinSuccessRate,
    int? RejectionAggression,
    int? MinRequestRate,
    int? MaxRejectionPercent,
    IReadOnlyList<long>? HttpSuccessStatuses = null,
    IReadOnlyList<string>? GrpcSuccessStatuses = null);

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
        spec is null
            ? null
            : new HealthCheckIr(spec.Active?.Type?.Value, spec.PanicThreshold, spec.Passive is not null, Active(spec.Active), Passive(spec.Passive));

    public static DnsIr? Dns(BackendTrafficPolicySpecDns? spec) =>
        spec is null
            ? null
            : new DnsIr(
                spec.DnsRefreshRate is { } r && GoDuration.TryParse(r.Value, out var ns, out _) ? ns : null,
                spec.RespectDnsTtl,
                spec.LookupFamily?.Value);

    /// <summary><c>spec.httpUpgrade</c> in order; null when unset, items without a type (schema breaks) skipped.</summary>
    public static IReadOnlyList<HttpUpgradeIr>? HttpUpgrade(IList<BackendTrafficPolicySpecHttpUpgradeItem>? spec) =>
        spec is null
            ? null
            : spec.Where(u => !string.IsNullOrEmpty(u?.Type)).Select(u => new HttpUpgradeIr(u.Type, u.Connect?.Terminate == true)).ToList();

    /// <summary>The prefix of compression errors (Envoy Gateway has none: only a null list item can fail).</summary>
    public const string CompressionPrefix = "Compression";

    /// <summary>A null <c>compressor</c> or <c>compression</c> item, which only a file the API server would refuse can hold.</summary>
    public static string? CompressionNullItem(BackendTrafficPolicySpec spec) =>
        RequiredValues.FirstNullItem(spec.Compressor, "spec.compressor") ?? RequiredValues.FirstNullItem(spec.Compression, "spec.compression");

    public static CompressionIr? Compression(BackendTrafficPolicySpec spec)
    {
        if (CompressionNullItem(spec) is not null)
        {
            return null; // reported by CompressionNullItem
        }

        if (spec.Compressor is { Count: > 0 } compressor)
        {
            return new CompressionIr(compressor.Select(c => c.Type?.Value ?? string.Empty).ToList(), compressor.Select(c => Bytes(c.MinContentLength)).ToList());
        }

        if (spec.Compression is { Count: > 0 } compression)
        {
            return new CompressionIr(compression.Select(c => c.Type?.Value ?? string.Empty).ToList(), compression.Select(c => Bytes(c.MinContentLength)).ToList());
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
                spec.MaxRejectionPercent,
                spec.SuccessCriteria?.Http?.StatusCodes?.ToList(),
                spec.SuccessCriteria?.Grpc?.StatusCodes?.Select(c => c.Value).ToList());

    /// <summary><c>spec.proxyProtocol.version</c> (V1 or V2), or null.</summary>
    public static string? ProxyProtocolVersion(BackendTrafficPolicySpecProxyProtocol? spec) => spec?.Version?.Value;

    private static ActiveHealthCheckIr? Active(BackendTrafficPolicySpecHealthCheckActive? spec)
    {
        if (spec is null)
        {
            return null;
        }

        var http = spec.Http;
        return new ActiveHealthCheckIr(
            spec.Type?.Value ?? string.Empty,
            Nanos(spec.Timeout?.Value) ?? Second,
            Nanos(spec.Interval?.Value) ?? (3 * Second),
            Nanos(spec.InitialJitter?.Value),
            spec.UnhealthyThreshold ?? 3,
            spec.HealthyThreshold ?? 1,
            http?.Path,
            http?.Hostname,
            http?.Method,
            http?.ExpectedStatuses?.ToList() ?? [],
            http?.RetriableStatuses?.ToList() ?? [],
            http?.RequestBody is { } body ? new HealthCheckPayloadIr(body.Text, body.Binary) : null,
            http?.ExpectedResponse is { } response ? new HealthCheckPayloadIr(response.Text, response.Binary) : null,
            spec.Tcp?.Send is { } send ? new HealthCheckPayloadIr(send.Text, send.Binary) : null,
            spec.Tcp?.Receive is { } receive ? new HealthCheckPayloadIr(receive.Text, receive.Binary) : null,
            spec.Grpc?.Service,
            spec.Overrides?.Port);
    }

    private static PassiveHealthCheckIr? Passive(BackendTrafficPolicySpecHealthCheckPassive? spec) =>
        spec is null
            ? null
            : new PassiveHealthCheckIr(
                Nanos(spec.Interval?.Value) ?? (3 * Second),
                Nanos(spec.BaseEjectionTime?.Value) ?? (30 * Second),
                spec.MaxEjectionPercent ?? 10,
                spec.Consecutive5XxErrors ?? 5,
                spec.ConsecutiveGatewayErrors,
                spec.ConsecutiveLocalOriginFailures ?? 5,
                spec.SplitExternalLocalOriginErrors ?? false,
                spec.FailurePercentageThreshold,
                spec.AlwaysEjectOneEndpoint ?? false);

    private const long Second = 1_000_000_000L;

    private static long? Nanos(string? duration) => GoDuration.TryParse(duration, out var ns) ? ns : null;

    private static long? Bytes(EnvoyGateway.Sdk.Runtime.Quantity? quantity) =>
        GoQuantity.From(quantity) is { } q && q.TryAsInt64(out var bytes) ? bytes : null;
}
