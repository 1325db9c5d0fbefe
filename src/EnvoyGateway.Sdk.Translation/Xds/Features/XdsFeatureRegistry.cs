using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EnvoyGateway.Sdk.Translation.Xds.Features;

/// <summary>The policy features the translator runs, in registration order (add new features here).</summary>
internal sealed class XdsFeatureRegistry
{
    public XdsFeatureRegistry(IEnumerable<IXdsFeature> features) => Features = features.ToImmutableArray();

    /// <summary>Every feature implemented so far.</summary>
    public static XdsFeatureRegistry Default { get; } = new(
    [
        new CircuitBreakerClusterFeature(),
        new ClientTimeoutListenerFeature(),
    ]);

    public ImmutableArray<IXdsFeature> Features { get; }

    public IEnumerable<T> Of<T>()
        where T : IXdsFeature => Features.OfType<T>();
}
