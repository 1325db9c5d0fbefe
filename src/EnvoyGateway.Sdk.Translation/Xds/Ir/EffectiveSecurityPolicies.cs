using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Precedence;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// The SecurityPolicy of each route rule on each listener, from the precedence engine's claims: the most specific
/// claimed scope wins; a route policy merged into its parent applies as the merged policy on that listener. A
/// claimed route whose policy fails the route validation (policy-attachment.md §8.3) gets nothing, not a broader policy.
/// </summary>
internal sealed class EffectiveSecurityPolicies
{
    private readonly ResourceGraph graph;
    private readonly PolicyOutcomes outcomes;
    private readonly ExtServiceResolver services;
    private readonly Dictionary<Scope, PolicyNode> claims = new();
    private readonly Dictionary<(PolicyNode, ListenerNode?, bool, bool), SecurityIr?> built = new();

    public EffectiveSecurityPolicies(ResourceGraph graph, PolicyOutcomes outcomes)
    {
        this.graph = graph;
        this.outcomes = outcomes;
        services = new ExtServiceResolver(graph);
        foreach (var (policy, scopes) in outcomes.Claims.Where(c => c.Key.Kind == PolicyKind.SecurityPolicy))
        {
            foreach (var scope in scopes)
            {
                claims.TryAdd(scope, policy);
            }
        }
    }

    /// <summary>The SecurityPolicy of <paramref name="route"/>'s rule <paramref name="ruleIndex"/> (-1 for L4 routes) on <paramref name="listener"/>, or null.</summary>
    public SecurityIr? For(RouteNode route, int ruleIndex, ListenerNode listener)
    {
        foreach (var scope in EffectivePolicies.Chain(route, ruleIndex, listener))
        {
            if (!claims.TryGetValue(scope, out var policy))
            {
                continue;
            }

            var isRouteScope = scope.Kind is ScopeKind.Route or ScopeKind.RouteRule;
            if (isRouteScope && SecurityPolicyFeatures.ValidateForRoute((SecurityPolicy)policy.Model, route.Kind) is not null)
            {
                return null;
            }

            var merge = isRouteScope ? outcomes.Merges.FirstOrDefault(m => m.Route == policy && m.Listener == listener) : default;
            var isTcp = route.Kind == "TCPRoute";
            var key = (policy, merge.Route is null ? null : listener, isTcp, HasClientIpDetection(listener));
            if (!built.TryGetValue(key, out var security))
            {
                security = Build(policy, merge.Route is null ? null : (merge.Parent, merge.Merged), route.Kind, key.Item3, key.Item4, !isRouteScope);
                built[key] = security;
            }

            return security;
        }

        return null;
    }

    private SecurityIr? Build(PolicyNode policy, (PolicyNode Parent, System.Text.Json.Nodes.JsonObject Json)? merge, string routeKind, bool isTcp, bool clientIpDetection, bool gatewayTarget)
    {
        var model = (SecurityPolicy)policy.Model;
        SecurityFieldOwners? owners = null;
        if (merge is { } m)
        {
            model = m.Json.Deserialize<SecurityPolicy>(ResourceSerializer.JsonOptions)!;
            if (SecurityPolicyFeatures.ValidateForRouteBare(model, routeKind) is not null)
            {
                return null;
            }

            owners = SecurityTranslator.Owners(new MergeSources(policy, m.Parent));
        }

        SecurityPolicyFeatures.Build(model, new SecurityTarget(isTcp, clientIpDetection, gatewayTarget), graph, out var result, owners);
        var security = new SecurityIr(model.Metadata?.NamespaceProperty ?? policy.Namespace, model.Metadata?.Name ?? policy.Name, model.Metadata?.Uid ?? string.Empty, result);
        ResolveServices(security);
        return security;
    }

    private void ResolveServices(SecurityIr security)
    {
        var features = security.Features;
        if (features.ExtAuth is { } extAuth)
        {
            security.ExtAuthDestination = services.Resolve(security.ServiceCluster("extauth", 0), extAuth.Destinations, extAuth.IsGrpc, security.Problems);
        }

        if (features.Jwt is { } jwt)
        {
            for (var i = 0; i < jwt.Providers.Count; i++)
            {
                if (jwt.Providers[i].RemoteJwks?.Destinations is { Count: > 0 } refs
                    && services.Resolve(security.ServiceCluster("jwt", i), refs, false, security.Problems) is { } destination)
                {
                    security.JwksDestinations[i] = destination;
                }
            }
        }

        if (features.Oidc?.Provider.Destinations is { Count: > 0 } oidcRefs)
        {
            security.OidcDestination = services.Resolve(security.ServiceCluster("oidc", 0), oidcRefs, false, security.Problems);
        }
    }

    // ClientTrafficPolicy clientIPDetection decides whether GeoIP authorization can work on the listener.
    private bool HasClientIpDetection(ListenerNode listener) =>
        outcomes.ListenerPolicies.TryGetValue(listener, out var policy) && ((ClientTrafficPolicy)policy.Model).Spec?.ClientIPDetection is not null;
}
