using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation;

/// <content>Which listeners a Gateway has and a route is attached to.</content>
public sealed partial class PolicyResolution
{
    /// <summary>
    /// Every listener of a managed Gateway: those declared in the Gateway, in spec order, then those its ListenerSets
    /// add, ListenerSet by ListenerSet.
    /// </summary>
    /// <param name="gatewayNamespace">The Gateway's namespace.</param>
    /// <param name="gatewayName">The Gateway's name.</param>
    /// <returns>The listeners.</returns>
    /// <exception cref="KeyNotFoundException">No such Gateway of a managed GatewayClass in the input.</exception>
    public ImmutableArray<ListenerRef> ListenersOf(string gatewayNamespace, string gatewayName)
    {
        ArgumentNullException.ThrowIfNull(gatewayNamespace);
        ArgumentNullException.ThrowIfNull(gatewayName);
        var gateway = Graph.Gateways.FirstOrDefault(g => g.Namespace == gatewayNamespace && g.Name == gatewayName)
            ?? throw new KeyNotFoundException($"No Gateway {gatewayNamespace}/{gatewayName} of a managed GatewayClass in the input.");
        return [.. gateway.Listeners.Concat(gateway.ListenerSets.SelectMany(s => s.Listeners)).Select(Ref)];
    }

    /// <summary>The listeners that accepted a route (through its parentRefs to Gateways and ListenerSets), in parentRef order.</summary>
    /// <param name="route">The route; its <see cref="RouteRuleRef.Rule"/> is not used.</param>
    /// <returns>The listeners; empty when no listener accepted the route.</returns>
    /// <exception cref="KeyNotFoundException">The route is not attached to a managed Gateway in the input.</exception>
    public ImmutableArray<ListenerRef> AttachedListeners(RouteRuleRef route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var node = Graph.FindRoute(route.Kind, route.Namespace, route.Name)
            ?? throw new KeyNotFoundException($"No {route.Kind} {route.Namespace}/{route.Name} attached to a managed Gateway in the input.");
        return [.. node.ParentRefs.SelectMany(p => p.AcceptedListeners).Distinct().Select(Ref)];
    }

    private static ListenerRef Ref(ListenerNode listener) =>
        new(listener.Gateway.Namespace, listener.Gateway.Name, listener.Name, listener.ListenerSet?.Namespace, listener.ListenerSet?.Name);
}
