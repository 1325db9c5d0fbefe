using System;
using System.Collections.Generic;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>Translator settings that change what a BackendTrafficPolicy may use.</summary>
/// <param name="GlobalRateLimitEnabled">Envoy Gateway's <c>rateLimit</c> configuration is present (global rate limits allowed).</param>
internal sealed record BackendTrafficOptions(bool GlobalRateLimitEnabled = true)
{
    public static BackendTrafficOptions Default { get; } = new();
}

/// <summary>The IR pieces a BackendTrafficPolicy builds (null where the feature is unset or failed), and its errors.</summary>
internal sealed record BackendTrafficFeatureSet(
    RateLimitIr? RateLimit,
    BandwidthLimitIr? BandwidthLimit,
    LoadBalancerIr? LoadBalancer,
    CircuitBreakerIr? CircuitBreaker,
    FaultInjectionIr? FaultInjection,
    HealthCheckIr? HealthCheck,
    TcpKeepaliveIr? TcpKeepalive,
    RetryIr? Retry,
    TimeoutIr? Timeout,
    BackendConnectionIr? BackendConnection,
    Http2Ir? Http2,
    ResponseOverrideIr? ResponseOverride,
    RequestBufferIr? RequestBuffer,
    TelemetryIr? Telemetry,
    DnsIr? Dns,
    CompressionIr? Compression,
    AdmissionControlIr? AdmissionControl,
    FeatureErrors Errors)
{
    /// <summary>The policy the set was built from, <c>backendtrafficpolicy/&lt;ns&gt;/&lt;name&gt;</c> (for warnings).</summary>
    public string Policy { get; init; } = string.Empty;

    /// <summary><c>spec.proxyProtocol.version</c> (V1, V2) or null.</summary>
    public string? ProxyProtocolVersion { get; init; }

    /// <summary><c>spec.useClientProtocol</c>.</summary>
    public bool UseClientProtocol { get; init; }

    /// <summary><c>spec.httpUpgrade</c>, or null when unset (then routes get the default websocket upgrade).</summary>
    public IReadOnlyList<HttpUpgradeIr>? HttpUpgrade { get; init; }
}

/// <summary>
/// Builds every BackendTrafficPolicy feature in Envoy Gateway's order (<c>buildTrafficFeatures</c>) and collects the
/// errors as <c>&lt;Prefix&gt;: &lt;detail&gt;</c>: RateLimit, BandwidthLimit, LoadBalancer, CircuitBreaker,
/// TCPKeepalive, Retry, Timeout, BackendConnection, HTTP2, ResponseOverride, RequestBuffer, Telemetry.
/// </summary>
internal static class BackendTrafficFeatures
{
    /// <summary>The errors of <paramref name="policy"/>'s features.</summary>
    /// <param name="policy">The policy (after a merge: the merged policy).</param>
    /// <param name="context">Lookups for referenced ConfigMaps.</param>
    /// <param name="responseOverrideNamespace">Namespace owning the responseOverride ConfigMap references; default the policy's.</param>
    public static FeatureErrors Build(BackendTrafficPolicy policy, IFeatureContext context, string? responseOverrideNamespace = null) =>
        BuildAll(policy, context, responseOverrideNamespace, BackendTrafficOptions.Default).Errors;

    /// <summary>Every IR piece and the errors.</summary>
    public static BackendTrafficFeatureSet BuildAll(BackendTrafficPolicy policy, IFeatureContext context, string? responseOverrideNamespace, BackendTrafficOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var spec = policy.Spec ?? new BackendTrafficPolicySpec();
        var errors = new FeatureErrors();

        var rateLimit = RateLimitFeature.Build(spec.RateLimit, options, out var e);
        Add(errors, RateLimitFeature.Prefix, e);
        var bandwidth = BandwidthLimitFeature.Build(spec.BandwidthLimit, out e);
        Add(errors, BandwidthLimitFeature.Prefix, e);
        var loadBalancer = LoadBalancerFeature.Build(spec.LoadBalancer, out e);
        Add(errors, LoadBalancerFeature.Prefix, e);
        var healthCheck = UnvalidatedFeatures.HealthCheck(spec.HealthCheck);
        var circuitBreaker = CircuitBreakerFeature.Build(spec.CircuitBreaker, out e);
        Add(errors, CircuitBreakerFeature.Prefix, e);
        var fault = UnvalidatedFeatures.FaultInjection(spec.FaultInjection);
        var keepalive = TcpKeepaliveFeature.Build(spec.TcpKeepalive, out e);
        Add(errors, TcpKeepaliveFeature.Prefix, e);
        var retry = RetryFeature.Build(spec.Retry, out e);
        Add(errors, RetryFeature.Prefix, e);
        var timeout = TimeoutFeature.Build(spec.Timeout, out e);
        Add(errors, TimeoutFeature.Prefix, e);
        var connection = BackendConnectionFeature.Build(spec.Connection, out e);
        Add(errors, BackendConnectionFeature.Prefix, e);
        var http2 = Http2Feature.Build(spec.Http2, out e);
        Add(errors, Http2Feature.Prefix, e);
        var configMapNamespace = responseOverrideNamespace ?? policy.Metadata?.NamespaceProperty ?? string.Empty;
        var responseOverride = ResponseOverrideFeature.Build(policy, context, configMapNamespace, out e);
        Add(errors, ResponseOverrideFeature.Prefix, e);
        var requestBuffer = RequestBufferFeature.Build(spec.RequestBuffer, out e);
        Add(errors, RequestBufferFeature.Prefix, e);
        var telemetry = TelemetryFeature.Build(spec.Telemetry, out e);
        Add(errors, TelemetryFeature.Prefix, e);
        Add(errors, UnvalidatedFeatures.CompressionPrefix, UnvalidatedFeatures.CompressionNullItem(spec));

        return new BackendTrafficFeatureSet(
            rateLimit,
            bandwidth,
            loadBalancer,
            circuitBreaker,
            fault,
            healthCheck,
            keepalive,
            retry,
            timeout,
            connection,
            http2,
            responseOverride,
            requestBuffer,
            telemetry,
            UnvalidatedFeatures.Dns(spec.Dns),
            UnvalidatedFeatures.Compression(spec),
            UnvalidatedFeatures.AdmissionControl(spec.AdmissionControl),
            errors)
        {
            Policy = "backendtrafficpolicy/" + policy.Metadata?.NamespaceProperty + "/" + policy.Metadata?.Name,
            ProxyProtocolVersion = UnvalidatedFeatures.ProxyProtocolVersion(spec.ProxyProtocol),
            UseClientProtocol = spec.UseClientProtocol == true,
            HttpUpgrade = UnvalidatedFeatures.HttpUpgrade(spec.HttpUpgrade),
        };
    }

    private static void Add(FeatureErrors errors, string prefix, string? error)
    {
        if (error is not null)
        {
            errors.Add(prefix, error);
        }
    }
}
