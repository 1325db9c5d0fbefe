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
        new CircuitBreakerClusterFeature(),
    ];

    private static IXdsFeature[] ClientTrafficFeatures =>
    [
        new ClientTimeoutListenerFeature(),
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
