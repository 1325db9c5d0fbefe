using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Precedence;

namespace EnvoyGateway.Sdk.Translation;

/// <summary>
/// Lists every policy that targets a level of a scope's chain and what it does there, from what the engines recorded
/// (claims and merges) plus each policy's composed targets (so conflicted policies, which claim nothing, show too).
/// </summary>
internal sealed class AttachmentFinder
{
    private static readonly PolicyKind[] Kinds = [PolicyKind.BackendTrafficPolicy, PolicyKind.SecurityPolicy, PolicyKind.ClientTrafficPolicy];

    private readonly ResourceGraph graph;
    private readonly PolicyOutcomes outcomes;
    private readonly Dictionary<(PolicyKind, Scope), PolicyNode> claimedBy = new();
    private readonly Dictionary<PolicyNode, List<Scope>> targets = new();

    public AttachmentFinder(ResourceGraph graph, PolicyOutcomes outcomes)
    {
        this.graph = graph;
        this.outcomes = outcomes;
        foreach (var (policy, scopes) in outcomes.Claims)
        {
            scopes.ForEach(s => claimedBy.TryAdd((policy.Kind, s), policy));
        }

        var candidates = graph.Routes.Select(r => new SelectableObject(r.Key, r.Labels, r.Order))
            .Concat(graph.ListenerSets.Select(l => new SelectableObject(l.Key, l.Labels, l.Order)))
            .Concat(graph.Gateways.Select(g => new SelectableObject(g.Key, g.Labels, g.Order)))
            .ToList();
        foreach (var policy in graph.Policies.Values.SelectMany(p => p))
        {
            targets[policy] = TargetResolver.Compose(policy, candidates, graph).Select(ScopeOf).ToList();
        }
    }

    public ImmutableArray<PolicyAttachment> ForRouteRule(RouteRuleRef reference, ListenerRef? listenerRef)
    {
        var route = graph.FindRoute(reference.Kind, reference.Namespace, reference.Name)
            ?? throw new KeyNotFoundException($"No {reference.Kind} {reference.Namespace}/{reference.Name} attached to a managed Gateway in the input.");
        var rule = EffectivePolicyFinder.FindRule(route, reference);
        var listener = EffectivePolicyFinder.FindListener(route, listenerRef);
        var chain = new List<(Scope Scope, AttachmentLevel Level)>();
        if (rule.Name is { } ruleName)
        {
            chain.Add((new Scope(ScopeKind.RouteRule, route.Namespace, route.Name, ruleName, route.Kind), AttachmentLevel.RouteRule));
        }

        chain.Add((Scope.Route(route.Kind, route.Namespace, route.Name), AttachmentLevel.Route));
        chain.AddRange(EffectivePolicyFinder.ListenerChain(listener));
        return [.. Collect(PolicyKind.BackendTrafficPolicy, chain, listener), .. Collect(PolicyKind.SecurityPolicy, chain, listener)];
    }

    public ImmutableArray<PolicyAttachment> ForListener(ListenerRef reference)
    {
        var listener = graph.Gateways.SelectMany(g => g.Listeners.Concat(g.ListenerSets.SelectMany(s => s.Listeners)))
            .FirstOrDefault(l => EffectivePolicyFinder.Matches(l, reference))
            ?? throw new KeyNotFoundException($"No listener {reference} on a managed Gateway in the input.");
        var chain = EffectivePolicyFinder.ListenerChain(listener).ToList();
        return [.. Kinds.SelectMany(k => Collect(k, chain, listener))];
    }

    public ImmutableArray<string> ClaimedTargets(PolicyNode policy) =>
        outcomes.Claims.TryGetValue(policy, out var scopes) ? [.. scopes.Select(s => s.Display).Distinct()] : [];

    private IEnumerable<PolicyAttachment> Collect(PolicyKind kind, List<(Scope Scope, AttachmentLevel Level)> chain, ListenerNode listener)
    {
        // The winner: for ClientTrafficPolicy the engine records it per listener; otherwise the most specific claim.
        PolicyNode? winner = kind == PolicyKind.ClientTrafficPolicy
            ? outcomes.ListenerPolicies.GetValueOrDefault(listener)
            : chain.Select(c => claimedBy.GetValueOrDefault((kind, c.Scope))).FirstOrDefault(p => p is not null);
        var mergeParent = winner?.MergeType is null ? null : outcomes.Merges.FirstOrDefault(m => m.Route == winner && m.Listener == listener).Parent;

        foreach (var (scope, level) in chain)
        {
            var owner = claimedBy.GetValueOrDefault((kind, scope));
            foreach (var policy in graph.Policies[kind].Where(p => targets[p].Contains(scope)))
            {
                var (role, by) = policy != owner ? (AttachmentRole.Conflicted, owner)
                    : policy == winner ? (AttachmentRole.Applies, null)
                    : policy == mergeParent ? (AttachmentRole.MergedInto, winner)
                    : (AttachmentRole.Overridden, winner);
                yield return new PolicyAttachment(Ref(policy), level, scope.Display, role, by is null ? null : Ref(by));
            }
        }
    }

    private static Scope ScopeOf(PolicyTarget target) => (target.Kind, target.SectionName) switch
    {
        ("Gateway", null) => Scope.Gateway(target.Namespace, target.Name),
        ("Gateway", { } section) => Scope.GatewayListener(target.Namespace, target.Name, section),
        ("ListenerSet", null) => Scope.ListenerSet(target.Namespace, target.Name),
        ("ListenerSet", { } section) => Scope.ListenerSetListener(target.Namespace, target.Name, section),
        (_, null) => Scope.Route(target.Kind, target.Namespace, target.Name),
        (_, { } section) => new Scope(ScopeKind.RouteRule, target.Namespace, target.Name, section, target.Kind),
    };

    private static PolicyRef Ref(PolicyNode policy) => new(policy.KindName, policy.Namespace, policy.Name);
}
