using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Precedence;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation;

/// <summary>
/// Decides, exactly as Envoy Gateway does, which policy applies where, which ones merge, conflict or are
/// overridden, and the status every policy gets.
/// </summary>
public static class PolicyResolver
{
    /// <summary>Resolves every policy of <paramref name="resources"/>.</summary>
    /// <param name="resources">Gateways, routes, core objects and policies.</param>
    /// <param name="options">Deployment settings; <see cref="PolicyResolverOptions.Default"/> when null.</param>
    /// <returns>The immutable resolution.</returns>
    /// <exception cref="ResourceLoadException">A known kind uses an apiVersion that is not served.</exception>
    public static PolicyResolution Resolve(ResourceSet resources, PolicyResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        options ??= PolicyResolverOptions.Default;
        var ignored = new List<LoadedResource>();
        var graph = ResourceGraphBuilder.Build(resources.Resources, options.ControllerNamespace, ignored);
        var outcomes = new PolicyOutcomes();

        // Envoy Gateway's run order: routes (already attached in the graph), then CTP, then BTP, then SP.
        new ClientTrafficEngine(graph, new ClientTrafficTranslator(graph), outcomes).Run();
        new RoutePolicyEngine(graph, new BackendTrafficTranslator(graph), outcomes).Run();
        new RoutePolicyEngine(graph, new SecurityTranslator(graph, outcomes), outcomes).Run();

        return PolicyResolution.Create(graph, outcomes, ignored,
            p => outcomes.WasSeen(p) ? outcomes.Writer(p).Build() : ImmutableArray<PolicyAncestorStatus>.Empty);
    }
}
