using System.Collections.Immutable;

namespace EnvoyGateway.Sdk.Translation.Status;

/// <summary>One entry of a policy's <c>status.ancestors</c>.</summary>
/// <param name="AncestorRef">The Gateway or ListenerSet (and listener) the conditions are about.</param>
/// <param name="ControllerName">The controller that wrote the entry.</param>
/// <param name="Conditions">Conditions in the order Envoy Gateway writes them.</param>
public sealed record PolicyAncestorStatus(PolicyAncestorRef AncestorRef, string ControllerName, ImmutableArray<PolicyCondition> Conditions)
{
    /// <summary>Envoy Gateway's controller name, used in every ancestor it writes.</summary>
    public const string EnvoyGatewayControllerName = "gateway.envoyproxy.io/gatewayclass-controller";
}
