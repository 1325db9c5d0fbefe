using System;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Sdk.Testing;

/// <summary>Assertions about the policies that apply to one route rule on one listener.</summary>
public sealed class RouteAssertions
{
    private readonly PolicyScenario scenario;

    internal RouteAssertions(PolicyScenario scenario, RouteRuleRef rule, ListenerRef? listener)
    {
        this.scenario = scenario;
        Rule = rule;
        ListenerRef = listener;
    }

    /// <summary>The route rule.</summary>
    public RouteRuleRef Rule { get; }

    /// <summary>The listener, when one was named.</summary>
    public ListenerRef? ListenerRef { get; }

    /// <summary>The BackendTrafficPolicy that applies.</summary>
    public EffectiveAssertions<Sdk.Policies.V1Alpha1.BackendTrafficPolicy> BackendTraffic =>
        new("BackendTrafficPolicy", Describe(), () => scenario.Resolution.EffectiveBackendTrafficPolicy(Rule, ListenerRef));

    /// <summary>The SecurityPolicy that applies.</summary>
    public EffectiveAssertions<Sdk.Policies.V1Alpha1.SecurityPolicy> Security =>
        new("SecurityPolicy", Describe(), () => scenario.Resolution.EffectiveSecurityPolicy(Rule, ListenerRef));

    private string Describe() => ListenerRef is null ? Rule.ToString() : $"{Rule} on listener {ListenerRef}";
}
