using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Precedence;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// The policy that applies to each route rule and listener, read from the claims the precedence engine recorded:
/// the most specific claimed scope wins (rule, route, listener, Gateway); a route policy merged into its parent
/// applies as the merged policy on that listener.
/// </summary>
internal sealed class EffectivePolicies
{
    private readonly ResourceGraph graph;
    private readonly PolicyOutcomes outcomes;
    private readonly Dictionary<Scope, PolicyNode> backendTrafficClaims = new();
    private readonly Dictionary<(PolicyNode Policy, ListenerNode? Listener), BackendTrafficFeatureSet> built = new();
    private readonly Dictionary<ListenerNode, ClientTrafficSettings?> clientTraffic = new();
    private readonly DateTimeOffset now;

    public EffectivePolicies(ResourceGraph graph, PolicyOutcomes outcomes, DateTimeOffset now)
    {
        this.graph = graph;
        this.outcomes = outcomes;
        this.now = now;
        Security = new EffectiveSecurityPolicies(graph, outcomes);
        foreach (var (policy, scopes) in outcomes.Claims.Where(c => c.Key.Kind == PolicyKind.BackendTrafficPolicy))
        {
            foreach (var scope in scopes)
            {
                backendTrafficClaims.TryAdd(scope, policy);
            }
        }
    }

    /// <summary>The SecurityPolicy of each route rule and listener.</summary>
    public EffectiveSecurityPolicies Security { get; }

    /// <summary>The BackendTrafficPolicy features of <paramref name="route"/>'s rule <paramref name="ruleIndex"/> on <paramref name="listener"/>.</summary>
    public BackendTrafficFeatureSet? BackendTraffic(RouteNode route, int ruleIndex, ListenerNode listener)
    {
        foreach (var scope in Chain(route, ruleIndex, listener))
        {
            if (!backendTrafficClaims.TryGetValue(scope, out var policy))
            {
                continue;
            }

            var merged = scope.Kind is ScopeKind.Route or ScopeKind.RouteRule
                ? outcomes.Merges.FirstOrDefault(m => m.Route == policy && m.Listener == listener)
                : default;
            var key = (policy, merged.Route is null ? null : listener);
            if (!built.TryGetValue(key, out var features))
            {
                var model = merged.Route is null
                    ? (BackendTrafficPolicy)policy.Model
                    : merged.Merged.Deserialize<BackendTrafficPolicy>(ResourceSerializer.JsonOptions)!;
                features = BackendTrafficFeatures.BuildAll(model, graph, null, BackendTrafficOptions.Default);
                built[key] = features;
            }

            return features;
        }

        return null;
    }

    /// <summary>The ClientTrafficPolicy settings of <paramref name="listener"/>, or null (marked invalid when the policy has errors there).</summary>
    public ClientTrafficSettings? ClientTraffic(ListenerNode listener)
    {
        if (clientTraffic.TryGetValue(listener, out var cached))
        {
            return cached;
        }

        ClientTrafficSettings? settings = null;
        if (outcomes.ListenerPolicies.TryGetValue(listener, out var policy))
        {
            var target = new ClientTrafficListener(listener.IrName, listener.Name, listener.Protocol, listener.Port, listener.TerminatesTls,
                listener.Hostname is { } host ? [host] : null);
            var result = ClientTrafficFeatures.Build((ClientTrafficPolicy)policy.Model, target, graph, now);
            settings = result.Settings;
            if (result.Errors.Any)
            {
                settings.Invalidate();
            }
        }

        clientTraffic[listener] = settings;
        return settings;
    }

    // Most specific first (policy-attachment.md §2): rule, route, ListenerSet listener, ListenerSet, Gateway listener, Gateway.
    internal static IEnumerable<Scope> Chain(RouteNode route, int ruleIndex, ListenerNode listener)
    {
        if (ruleIndex >= 0 && ruleIndex < route.Rules.Length && route.Rules[ruleIndex].Name is { } rule)
        {
            yield return new Scope(ScopeKind.RouteRule, route.Namespace, route.Name, rule, route.Kind);
        }

        yield return Scope.Route(route.Kind, route.Namespace, route.Name);
        if (listener.ListenerSet is { } set)
        {
            yield return Scope.ListenerSetListener(set.Namespace, set.Name, listener.Name);
            yield return Scope.ListenerSet(set.Namespace, set.Name);
        }
        else
        {
            yield return Scope.GatewayListener(listener.Gateway.Namespace, listener.Gateway.Name, listener.Name);
        }

        yield return Scope.Gateway(listener.Gateway.Namespace, listener.Gateway.Name);
    }
}
