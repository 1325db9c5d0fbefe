using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Precedence;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation;

/// <summary>
/// Works out the effective policy of a scope from what the engines recorded: the most specific claim along the
/// route rule → route → listener (→ ListenerSet) → Gateway chain, and the per-listener merge when there was one.
/// </summary>
internal sealed class EffectivePolicyFinder
{
    // Attachment fields say where a policy applies, not what it sets.
    private static readonly string[] AttachmentFields = ["spec.targetRef", "spec.targetRefs", "spec.targetSelectors", "spec.mergeType"];

    private readonly ResourceGraph graph;
    private readonly PolicyOutcomes outcomes;
    private readonly Func<PolicyNode, ImmutableArray<PolicyAncestorStatus>> statusOf;
    private readonly Dictionary<(PolicyKind, Scope), PolicyNode> claimedBy = new();

    public EffectivePolicyFinder(ResourceGraph graph, PolicyOutcomes outcomes, Func<PolicyNode, ImmutableArray<PolicyAncestorStatus>> statusOf)
    {
        this.graph = graph;
        this.outcomes = outcomes;
        this.statusOf = statusOf;
        foreach (var (policy, scopes) in outcomes.Claims)
        {
            foreach (var scope in scopes)
            {
                claimedBy.TryAdd((policy.Kind, scope), policy);
            }
        }
    }

    public EffectivePolicy<T>? ForRouteRule<T>(PolicyKind kind, RouteRuleRef reference, ListenerRef? listenerRef)
        where T : class
    {
        var route = graph.FindRoute(reference.Kind, reference.Namespace, reference.Name)
            ?? throw new KeyNotFoundException($"No {reference.Kind} {reference.Namespace}/{reference.Name} attached to a managed Gateway in the input.");
        var rule = FindRule(route, reference);
        var listener = FindListener(route, listenerRef);

        var chain = new List<(Scope Scope, AttachmentLevel Level)>();
        if (rule.Name is { } ruleName)
        {
            chain.Add((new Scope(ScopeKind.RouteRule, route.Namespace, route.Name, ruleName, route.Kind), AttachmentLevel.RouteRule));
        }

        chain.Add((Scope.Route(route.Kind, route.Namespace, route.Name), AttachmentLevel.Route));
        chain.AddRange(ListenerChain(listener));

        foreach (var (scope, level) in chain)
        {
            if (!claimedBy.TryGetValue((kind, scope), out var winner))
            {
                continue;
            }

            var merge = winner.MergeType is null ? default : outcomes.Merges.FirstOrDefault(m => m.Route == winner && m.Listener == listener);
            if (merge.Merged is null)
            {
                return Build<T>(winner, winner.Json, level, null, _ => (winner, level), IsAccepted(winner, listener));
            }

            var mergedJson = JsonSerializer.SerializeToElement(merge.Merged);
            var parentLevel = chain.FirstOrDefault(c => claimedBy.TryGetValue((kind, c.Scope), out var p) && p == merge.Parent).Level;
            return Build<T>(winner, mergedJson, level, merge.Parent,
                leaf => JsonPaths.Find(winner.Json, leaf.Path) is { } own && JsonElement.DeepEquals(own, leaf.Value) ? (winner, level) : (merge.Parent, parentLevel),
                IsAccepted(winner, listener));
        }

        return null;
    }

    public EffectivePolicy<T>? ForListener<T>(ListenerRef reference)
        where T : class
    {
        var listener = AllListeners().FirstOrDefault(l => Matches(l, reference))
            ?? throw new KeyNotFoundException($"No listener {reference} on a managed Gateway in the input.");
        if (!outcomes.ListenerPolicies.TryGetValue(listener, out var policy))
        {
            return null;
        }

        // A section claim for this listener wins; else the whole ListenerSet's, else the whole Gateway's.
        var scopes = outcomes.Claims.GetValueOrDefault(policy) ?? [];
        var set = listener.ListenerSet;
        var level = scopes.Exists(s => s.Kind is ScopeKind.GatewayListener && s.Section == listener.Name)
            ? set is null ? AttachmentLevel.GatewayListener : AttachmentLevel.ListenerSetListener
            : set is not null && scopes.Exists(s => s.Kind is ScopeKind.ListenerSet && s.Namespace == set.Namespace && s.Name == set.Name) ? AttachmentLevel.ListenerSet
            : scopes.Exists(s => s.Kind is ScopeKind.Gateway) ? AttachmentLevel.Gateway
            : set is null ? AttachmentLevel.GatewayListener : AttachmentLevel.ListenerSetListener;
        return Build<T>(policy, policy.Json, level, null, _ => (policy, level), IsAccepted(policy, listener));
    }

    private static EffectivePolicy<T> Build<T>(PolicyNode winner, JsonElement json, AttachmentLevel level, PolicyNode? mergedInto,
        Func<(string Path, JsonElement Value), (PolicyNode Policy, AttachmentLevel Level)> origin, bool accepted)
        where T : class
    {
        var fields = ImmutableSortedDictionary.CreateBuilder<string, FieldProvenance>(StringComparer.Ordinal);
        if (json.TryGetProperty("spec", out var spec))
        {
            foreach (var leaf in JsonPaths.Leaves(spec, "spec"))
            {
                if (AttachmentFields.Any(f => leaf.Path == f || leaf.Path.StartsWith(f + ".", StringComparison.Ordinal) || leaf.Path.StartsWith(f + "[", StringComparison.Ordinal)))
                {
                    continue;
                }

                var (policy, fieldLevel) = origin(leaf);
                fields[leaf.Path] = new FieldProvenance(leaf.Path, Ref(policy), fieldLevel, mergedInto is not null);
            }
        }

        var model = (T)(json.Deserialize(winner.Model.GetType(), ResourceSerializer.JsonOptions) ?? winner.Model);
        return new EffectivePolicy<T>(model, json, Ref(winner), level, mergedInto is null ? null : Ref(mergedInto), accepted, fields.ToImmutable());
    }

    internal static IEnumerable<(Scope, AttachmentLevel)> ListenerChain(ListenerNode listener)
    {
        if (listener.ListenerSet is { } set)
        {
            yield return (Scope.ListenerSetListener(set.Namespace, set.Name, listener.Name), AttachmentLevel.ListenerSetListener);
            yield return (Scope.ListenerSet(set.Namespace, set.Name), AttachmentLevel.ListenerSet);
        }
        else
        {
            yield return (Scope.GatewayListener(listener.Gateway.Namespace, listener.Gateway.Name, listener.Name), AttachmentLevel.GatewayListener);
        }

        yield return (Scope.Gateway(listener.Gateway.Namespace, listener.Gateway.Name), AttachmentLevel.Gateway);
    }

    // Not accepted when Envoy Gateway reports Accepted=False on an ancestor covering this listener.
    private bool IsAccepted(PolicyNode policy, ListenerNode listener)
    {
        var owner = listener.ListenerSet is { } set ? ("ListenerSet", set.Namespace, set.Name) : ("Gateway", listener.Gateway.Namespace, listener.Gateway.Name);
        return !statusOf(policy).Any(a => (a.AncestorRef.Kind, a.AncestorRef.Namespace, a.AncestorRef.Name) == owner
            && (a.AncestorRef.SectionName is null || a.AncestorRef.SectionName == listener.Name)
            && a.Conditions.Any(c => c.Type == ConditionTypes.Accepted && c.Status == "False"));
    }

    internal static RuleNode FindRule(RouteNode route, RouteRuleRef reference)
    {
        if (reference.Rule is null)
        {
            return route.Rules.Length == 1
                ? route.Rules[0]
                : throw new ArgumentException($"{route} has {route.Rules.Length} rules: name one (by name or index).", nameof(reference));
        }

        return route.Rules.FirstOrDefault(r => r.Name == reference.Rule)
            ?? (int.TryParse(reference.Rule, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < route.Rules.Length
                ? route.Rules[index]
                : throw new KeyNotFoundException($"{route} has no rule '{reference.Rule}' (rules: {string.Join(", ", route.Rules.Select(r => r.Name ?? r.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)))})."));
    }

    internal static ListenerNode FindListener(RouteNode route, ListenerRef? reference)
    {
        var accepted = route.ParentRefs.SelectMany(p => p.AcceptedListeners).Distinct().ToList();
        if (reference is null)
        {
            return accepted.Count == 1
                ? accepted[0]
                : throw new ArgumentException($"{route} is attached to {accepted.Count} listeners ({string.Join(", ", accepted.Select(l => l.IrName))}): name one.", nameof(reference));
        }

        return accepted.FirstOrDefault(l => Matches(l, reference))
            ?? throw new KeyNotFoundException($"{route} is not attached to listener {reference} (attached: {string.Join(", ", accepted.Select(l => l.IrName))}).");
    }

    private IEnumerable<ListenerNode> AllListeners() => graph.Gateways.SelectMany(g => g.Listeners.Concat(g.ListenerSets.SelectMany(s => s.Listeners)));

    internal static bool Matches(ListenerNode listener, ListenerRef reference) =>
        listener.Gateway.Namespace == reference.GatewayNamespace && listener.Gateway.Name == reference.GatewayName && listener.Name == reference.Name
        && listener.ListenerSet?.Namespace == reference.ListenerSetNamespace && listener.ListenerSet?.Name == reference.ListenerSetName;

    private static PolicyRef Ref(PolicyNode policy) => new(policy.KindName, policy.Namespace, policy.Name);
}
