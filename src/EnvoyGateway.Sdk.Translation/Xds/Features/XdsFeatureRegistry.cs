using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EnvoyGateway.Sdk.Translation.Xds.Features;

/// <summary>The policy features the translator runs, in registration order (add new features here).</summary>
internal sealed class XdsFeatureRegistry
{
    public XdsFeatureRegistry(IEnumerable<IXdsFeature> features) => Features = features.ToImmutableArray();

    /// <summary>Every feature implemented so far.</summary>
    public static XdsFeatureRegistry Default { get; } = new([.. BackendTrafficFeatures, .. ClientTrafficFeatures, .. SecurityFeatures]);

    // One list per policy kind, each in the order its features must run.
    private static IXdsFeature[] BackendTrafficFeatures =>
    [
        new BackendTraffic.InvalidPolicyDirectResponseFeature(),
        new CircuitBreakerClusterFeature(),
        new BackendTraffic.TimeoutFeature(),
        new BackendTraffic.RetryRouteFeature(),
        new BackendTraffic.LoadBalancerClusterFeature(),
        new BackendTraffic.BackendUtilizationHeadersRouteFeature(),
        new BackendTraffic.ConsistentHashFeature(),
        new BackendTraffic.DnsClusterFeature(),
        new BackendTraffic.HttpUpgradeRouteFeature(),
        new BackendTraffic.TelemetryRouteFeature(),
        new BackendTraffic.HealthCheckClusterFeature(),
        new BackendTraffic.TcpKeepaliveClusterFeature(),
        new BackendTraffic.ProxyProtocolClusterFeature(),
        new BackendTraffic.BackendConnectionClusterFeature(),
        new BackendTraffic.UseClientProtocolClusterFeature(),
        new BackendTraffic.Http2ClusterFeature(),
        new BackendTraffic.AdmissionControlClusterFeature(),
        new BackendTraffic.FaultInjectionFilterFeature(),
        new BackendTraffic.CompressorFilterFeature(),
        new BackendTraffic.LocalRateLimitFilterFeature(),
        new BackendTraffic.GlobalRateLimitFilterFeature(),
        new BackendTraffic.ResponseOverrideFilterFeature(),
        new BackendTraffic.RequestBufferFilterFeature(),
        new BackendTraffic.BandwidthLimitFilterFeature(),
    ];

    private static IXdsFeature[] ClientTrafficFeatures =>
    [
        new ClientTraffic.InvalidClientTrafficFeature(),
        new ClientTimeoutListenerFeature(),
        new ClientTraffic.TcpKeepaliveListenerFeature(),
        new ClientTraffic.ConnectionListenerFeature(),
        new ClientTraffic.ProxyProtocolListenerFeature(),
        new ClientTraffic.ClientIpDetectionFeature(),
        new ClientTraffic.PathSettingsFeature(),
        new ClientTraffic.HeaderSettingsFeature(),
        new ClientTraffic.LateResponseHeadersFilterFeature(),
        new ClientTraffic.Http1OptionsFeature(),
        new ClientTraffic.Http2OptionsFeature(),
        new ClientTraffic.HealthCheckFilterFeature(),
        new ClientTraffic.GrpcWebFilterFeature(),
        new ClientTraffic.SchemeFeature(),
        new ClientTraffic.ListenerTlsFeature(),
        new ClientTraffic.ClientCaSecretFeature(),
        new ClientTraffic.TlsFingerprintFeature(),
        new ClientTraffic.Http3QuicFeature(),
    ];

    private static IXdsFeature[] SecurityFeatures =>
    [
        new Security.CorsFilterFeature(),
        new Security.BasicAuthFilterFeature(),
        new Security.ApiKeyAuthFilterFeature(),
        new Security.ExtAuthzFilterFeature(),
        new Security.OAuth2FilterFeature(),
        new Security.JwtAuthnFilterFeature(),
        new Security.RbacFilterFeature(),
        new Security.TcpRbacListenerFeature(),
        new Security.InvalidPolicyRouteFeature(),
    ];

    public ImmutableArray<IXdsFeature> Features { get; }

    public IEnumerable<T> Of<T>()
        where T : IXdsFeature => Features.OfType<T>();
}
