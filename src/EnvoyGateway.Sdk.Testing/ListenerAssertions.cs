using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Sdk.Testing;

/// <summary>Assertions about the policies that apply to one listener.</summary>
public sealed class ListenerAssertions
{
    private readonly PolicyScenario scenario;

    internal ListenerAssertions(PolicyScenario scenario, ListenerRef listener)
    {
        this.scenario = scenario;
        Listener = listener;
    }

    /// <summary>The listener.</summary>
    public ListenerRef Listener { get; }

    /// <summary>The ClientTrafficPolicy that configures the listener.</summary>
    public EffectiveAssertions<Sdk.Policies.V1Alpha1.ClientTrafficPolicy> ClientTraffic =>
        new("ClientTrafficPolicy", $"listener {Listener}", () => scenario.Resolution.EffectiveClientTrafficPolicy(Listener));
}
