using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Merging;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>
/// Envoy Gateway's BackendTrafficPolicy and SecurityPolicy precedence: six passes from route rules to whole Gateways,
/// first claim wins per scope, override and merge bookkeeping, and the status of every policy
/// (policy-attachment.md sections 2.3, 3, 4, 5 and 6).
/// </summary>
internal sealed class RoutePolicyEngine
{
    private static readonly string[] RouteKindNames = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];

    private readonly ResourceGraph graph;
    private readonly IPolicyTranslator translator;
    private readonly PolicyKind kind;
    private readonly List<PolicyNode> policies;
    private readonly PolicyOutcomes outcomes;
    private readonly HashSet<Scope> claims = new();
    private readonly Dictionary<Scope, List<string>> claimedRules = new();
    private readonly ScopeGraph overrides = new();
    private readonly ScopeGraph merges = new();
    private readonly Dictionary<Scope, PolicyNode> firstPolicyAt = new();

    public RoutePolicyEngine(ResourceGraph graph, IPolicyTranslator translator, PolicyOutcomes outcomes)
    {
        this.graph = graph;
        this.translator = translator;
        this.outcomes = outcomes;
        kind = translator.Kind;
        policies = graph.Policies[kind];
    }

    private enum Pass
    {
        RouteRules,
        Routes,
        ListenerSetListeners,
        ListenerSets,
        GatewayListeners,
        Gateways,
    }

    public void Run()
    {
        IndexMergeParents();
        var routes = graph.Routes.OrderBy(r => Array.IndexOf(RouteKindNames, r.Kind)).Select(r => new SelectableObject(r.Key, r.Labels, r.Order)).ToList();
        var listenerSets = graph.ListenerSets.Select(l => new SelectableObject(l.Key, l.Labels, l.Order)).ToList();
        var gateways = graph.Gateways.Select(g => new SelectableObject(g.Key, g.Labels, g.Order)).ToList();

        RunPass(Pass.RouteRules, [], t => t.Kind != "Gateway" && t.SectionName is not null);
        RunPass(Pass.Routes, routes, t => t.Kind != "Gateway" && t.SectionName is null);
        if (graph.ListenerSets.Count > 0)
        {
            RunPass(Pass.ListenerSetListeners, [], t => t.Kind == "ListenerSet" && t.SectionName is not null);
            RunPass(Pass.ListenerSets, listenerSets, t => t.Kind == "ListenerSet" && t.SectionName is null);
        }

        RunPass(Pass.GatewayListeners, [], t => t.Kind == "Gateway" && t.SectionName is not null);
        RunPass(Pass.Gateways, gateways, t => t.Kind == "Gateway" && t.SectionName is null);
    }

    private void RunPass(Pass pass, IReadOnlyList<SelectableObject> candidates, Func<PolicyTarget, bool> predicate)
    {
        foreach (var policy in policies)
        {
            foreach (var target in TargetResolver.Compose(policy, candidates, graph).Where(predicate))
            {
                outcomes.MarkSeen(policy);
                switch (pass)
                {
                    case Pass.RouteRules or Pass.Routes:
                        ProcessRouteTarget(policy, target);
                        break;
                    case Pass.ListenerSetListeners or Pass.ListenerSets:
                        ProcessListenerSetTarget(policy, target);
                        break;
                    default:
                        ProcessGatewayTarget(policy, target);
                        break;
                }
            }
        }
    }

    // ---- routes and route rules -------------------------------------------------------------------------------

    private void ProcessRouteTarget(PolicyNode policy, PolicyTarget target)
    {
        if (graph.FindRoute(target.Kind, target.Namespace, target.Name) is not { } route)
        {
            return; // unknown targets are silent: they may belong to another controller
        }

        var routeScope = Scope.Route(route.Kind, route.Namespace, route.Name);
        RecordRouteEdges(route, routeScope);
        var writer = outcomes.Writer(policy);
        var ancestors = route.ParentRefs.Select(AncestorOf).ToList();

        if (target.SectionName is { } rule)
        {
            if (route.FindRule(rule) is null)
            {
                ancestors.ForEach(a => writer.Set(a, ConditionTypes.Accepted, "False", ConditionReasons.TargetNotFound,
                    $"No section name {rule} found for {route.Kind} {route.Namespace}/{route.Name}"));
                return;
            }

            var ruleScope = new Scope(ScopeKind.RouteRule, route.Namespace, route.Name, rule, route.Kind);
            if (!claims.Add(ruleScope))
            {
                ancestors.ForEach(a => writer.Set(a, ConditionTypes.Accepted, "False", ConditionReasons.Conflicted,
                    ScopeMessages.Conflict(kind, $"RouteRule {route.Name}/{rule}")));
                return;
            }

            ClaimedRules(routeScope).Add(rule);
            outcomes.Claim(policy, ruleScope);
        }
        else
        {
            if (!claims.Add(routeScope))
            {
                ancestors.ForEach(a => writer.Set(a, ConditionTypes.Accepted, "False", ConditionReasons.Conflicted,
                    ScopeMessages.Conflict(kind, $"{route.Kind} {route.Name}")));
                return;
            }

            outcomes.Claim(policy, routeScope);
        }

        if (translator.ValidateRouteTarget(policy.Model, route) is { } invalid)
        {
            ancestors.ForEach(a => writer.Set(a, ConditionTypes.Accepted, "False", ConditionReasons.Invalid, invalid));
            return;
        }

        if (policy.MergeType is null)
        {
            var listeners = route.ParentRefs.SelectMany(p => p.AcceptedListeners).Distinct().ToList();
            if (translator.Translate(policy.Model, policy.Namespace, new TranslationTarget(route, listeners)) is { } error)
            {
                ancestors.ForEach(a => writer.Set(a, ConditionTypes.Accepted, "False", ConditionReasons.Invalid, error));
            }
        }
        else
        {
            MergePerListener(policy, route, routeScope, writer);
        }

        ancestors.ForEach(writer.AcceptIfUnset);
        if (DeprecatedFields.Warning(policy) is { } warning)
        {
            ancestors.ForEach(a => writer.AddWarning(a, ConditionReasons.DeprecatedField, warning));
        }

        if (target.SectionName is null && claimedRules.TryGetValue(routeScope, out var rules) && rules.Count > 0)
        {
            ancestors.ForEach(a => writer.Set(a, ConditionTypes.Overridden, "True", ConditionReasons.Overridden, ScopeMessages.OverriddenByRules(kind, rules)));
        }
    }

    private void RecordRouteEdges(RouteNode route, Scope routeScope)
    {
        foreach (var parent in route.ParentRefs)
        {
            var gateway = Scope.Gateway(parent.Gateway.Namespace, parent.Gateway.Name);
            if (parent.ListenerSet is { } set)
            {
                var setScope = Scope.ListenerSet(set.Namespace, set.Name);
                overrides.Index(gateway, setScope);
                if (parent.SectionName is { } section)
                {
                    var listener = Scope.ListenerSetListener(set.Namespace, set.Name, section);
                    overrides.AddEdge(listener, routeScope);
                    overrides.Index(setScope, listener);
                }
                else
                {
                    overrides.AddEdge(setScope, routeScope);
                }
            }
            else if (parent.SectionName is { } section)
            {
                var listener = Scope.GatewayListener(gateway.Namespace, gateway.Name, section);
                overrides.AddEdge(listener, routeScope);
                overrides.Index(gateway, listener);
            }
            else
            {
                overrides.AddEdge(gateway, routeScope);
            }
        }
    }

    private void MergePerListener(PolicyNode policy, RouteNode route, Scope routeScope, PolicyStatusWriter writer)
    {
        foreach (var parentRef in route.ParentRefs)
        {
            foreach (var listener in parentRef.AcceptedListeners)
            {
                var ancestor = listener.ListenerSet is { } set
                    ? PolicyAncestorRef.ListenerSet(set.Namespace, set.Name, listener.Name)
                    : PolicyAncestorRef.Gateway(listener.Gateway.Namespace, listener.Gateway.Name, listener.Name);
                var target = new TranslationTarget(route, [listener]);
                var (parent, parentScope) = MergeParent(listener);
                if (parent is null)
                {
                    if (translator.Translate(policy.Model, policy.Namespace, target) is { } alone)
                    {
                        writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Invalid, alone);
                    }

                    continue;
                }

                var mergedJson = Merge(parent, policy);
                var merged = translator.FromJson(mergedJson);
                var error = translator.ValidateMerged(merged, route) is { } bare
                    ? StatusMessages.NormalizeError(bare)
                    : translator.Translate(merged, policy.Namespace, target with { Merge = new MergeSources(policy, parent) });
                if (error is not null)
                {
                    writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Invalid, error);
                    continue;
                }

                writer.Set(ancestor, ConditionTypes.Merged, "True", ConditionReasons.Merged, ScopeMessages.MergedWith(parent));
                merges.AddEdge(parentScope!, routeScope);
                outcomes.RecordMerge(policy, parent, listener, mergedJson);
            }
        }
    }

    private JsonObject Merge(PolicyNode parent, PolicyNode route)
    {
        var parentJson = JsonNode.Parse(parent.Json.GetRawText());
        var routeJson = JsonNode.Parse(route.Json.GetRawText());
        var merged = route.MergeType == "JSONMerge"
            ? JsonMergePatch.Apply(parentJson, routeJson)
            : StrategicMergePatch.Apply(parentJson, routeJson, translator.MergeKeys);
        return (JsonObject)merged!;
    }

    // A ListenerSet listener merges with LS listener → LS → Gateway; a Gateway listener with Gateway listener → Gateway.
    private (PolicyNode? Policy, Scope? Scope) MergeParent(ListenerNode listener)
    {
        IEnumerable<Scope> chain = listener.ListenerSet is { } set
            ? [Scope.ListenerSetListener(set.Namespace, set.Name, listener.Name), Scope.ListenerSet(set.Namespace, set.Name), Scope.Gateway(listener.Gateway.Namespace, listener.Gateway.Name)]
            : [Scope.GatewayListener(listener.Gateway.Namespace, listener.Gateway.Name, listener.Name), Scope.Gateway(listener.Gateway.Namespace, listener.Gateway.Name)];
        foreach (var scope in chain)
        {
            if (firstPolicyAt.TryGetValue(scope, out var policy))
            {
                return (policy, scope);
            }
        }

        return (null, null);
    }

    // The first policy (in order) per Gateway/ListenerSet scope, whatever its own validity (section 2.3).
    private void IndexMergeParents()
    {
        var candidates = graph.Gateways.Select(g => new SelectableObject(g.Key, g.Labels, g.Order))
            .Concat(graph.ListenerSets.Select(l => new SelectableObject(l.Key, l.Labels, l.Order))).ToList();
        foreach (var policy in policies)
        {
            foreach (var target in TargetResolver.Compose(policy, candidates, graph))
            {
                Scope? scope = target.Kind switch
                {
                    "Gateway" when graph.FindGateway(target.Namespace, target.Name) is { } g
                        && (target.SectionName is null || g.Listeners.Any(l => l.Name == target.SectionName)) =>
                        target.SectionName is null ? Scope.Gateway(g.Namespace, g.Name) : Scope.GatewayListener(g.Namespace, g.Name, target.SectionName),
                    "ListenerSet" when graph.FindListenerSet(target.Namespace, target.Name) is { } l
                        && (target.SectionName is null || l.Listeners.Any(x => x.Name == target.SectionName)) =>
                        target.SectionName is null ? Scope.ListenerSet(l.Namespace, l.Name) : Scope.ListenerSetListener(l.Namespace, l.Name, target.SectionName),
                    _ => null,
                };
                if (scope is not null)
                {
                    firstPolicyAt.TryAdd(scope, policy);
                }
            }
        }
    }

    // ---- Gateways and ListenerSets ------------------------------------------------------------------------------

    private void ProcessGatewayTarget(PolicyNode policy, PolicyTarget target)
    {
        if (graph.FindGateway(target.Namespace, target.Name) is not { } gateway)
        {
            return;
        }

        var writer = outcomes.Writer(policy);
        var ancestor = PolicyAncestorRef.Gateway(gateway.Namespace, gateway.Name, target.SectionName);
        var gatewayScope = Scope.Gateway(gateway.Namespace, gateway.Name);
        Scope scope;
        IReadOnlyList<ListenerNode> listeners;
        if (target.SectionName is { } section)
        {
            if (gateway.Listeners.FirstOrDefault(l => l.Name == section) is not { } listener)
            {
                writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.TargetNotFound,
                    $"No section name {section} found for Gateway {gateway.Namespace}/{gateway.Name}");
                return;
            }

            scope = Scope.GatewayListener(gateway.Namespace, gateway.Name, section);
            if (!claims.Add(scope))
            {
                var what = kind == PolicyKind.BackendTrafficPolicy
                    ? $"Listener {gateway.Namespace}/{gateway.Name}/{section}"
                    : $"Listener {gateway.Name}/{section}";
                writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Conflicted, ScopeMessages.Conflict(kind, what));
                return;
            }

            overrides.AddEdge(gatewayScope, scope);
            listeners = [listener];
        }
        else
        {
            scope = gatewayScope;
            if (!claims.Add(scope))
            {
                writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Conflicted, ScopeMessages.Conflict(kind, $"Gateway {gateway.Name}"));
                return;
            }

            listeners = gateway.Listeners.Concat(gateway.ListenerSets.SelectMany(s => s.Listeners)).ToList();
        }

        outcomes.Claim(policy, scope);
        TranslateBroadTarget(policy, writer, ancestor, scope, listeners, warningFirst: kind == PolicyKind.BackendTrafficPolicy);
    }

    private void ProcessListenerSetTarget(PolicyNode policy, PolicyTarget target)
    {
        if (graph.FindListenerSet(target.Namespace, target.Name) is not { } set)
        {
            return;
        }

        var writer = outcomes.Writer(policy);
        var ancestor = PolicyAncestorRef.ListenerSet(set.Namespace, set.Name, target.SectionName);
        var setScope = Scope.ListenerSet(set.Namespace, set.Name);
        var gatewayScope = Scope.Gateway(set.Parent.Namespace, set.Parent.Name);
        Scope scope;
        IReadOnlyList<ListenerNode> listeners;
        if (target.SectionName is { } section)
        {
            if (set.Listeners.FirstOrDefault(l => l.Name == section) is not { } listener)
            {
                writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.TargetNotFound,
                    $"No section name {section} found for ListenerSet {set.Namespace}/{set.Name}");
                return;
            }

            scope = Scope.ListenerSetListener(set.Namespace, set.Name, section);
            if (!claims.Add(scope))
            {
                writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Conflicted, ScopeMessages.Conflict(kind, $"Listener {set.Name}/{section}"));
                return;
            }

            overrides.Index(gatewayScope, setScope);
            overrides.AddEdge(setScope, scope);
            listeners = [listener];
        }
        else
        {
            scope = setScope;
            if (!claims.Add(scope))
            {
                writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Conflicted, ScopeMessages.Conflict(kind, $"ListenerSet {set.Name}"));
                return;
            }

            overrides.AddEdge(gatewayScope, setScope);
            listeners = set.Listeners;
        }

        outcomes.Claim(policy, scope);
        TranslateBroadTarget(policy, writer, ancestor, scope, listeners, warningFirst: false);
    }

    // Translate → accept-if-unset → [Warning] → Merged → Overridden → [Warning] (section 6.4).
    private void TranslateBroadTarget(PolicyNode policy, PolicyStatusWriter writer, PolicyAncestorRef ancestor, Scope scope,
        IReadOnlyList<ListenerNode> listeners, bool warningFirst)
    {
        if (translator.Translate(policy.Model, policy.Namespace, new TranslationTarget(null, listeners)) is { } error)
        {
            writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Invalid, error);
        }

        writer.AcceptIfUnset(ancestor);
        var warning = DeprecatedFields.Warning(policy);
        if (warningFirst && warning is not null)
        {
            writer.AddWarning(ancestor, ConditionReasons.DeprecatedField, warning);
        }

        var merged = merges.Children(scope).ToHashSet();
        var overriding = overrides.Descendants(scope);
        overriding.ExceptWith(merged);
        if (merged.Count > 0)
        {
            writer.Set(ancestor, ConditionTypes.Merged, "True", ConditionReasons.Merged, ScopeMessages.Merged(kind, merged));
        }

        if (overriding.Count > 0)
        {
            writer.Set(ancestor, ConditionTypes.Overridden, "True", ConditionReasons.Overridden, ScopeMessages.Overridden(kind, overriding));
        }

        if (!warningFirst && warning is not null)
        {
            writer.AddWarning(ancestor, ConditionReasons.DeprecatedField, warning);
        }
    }

    private static PolicyAncestorRef AncestorOf(ParentRefNode parent) =>
        new(PolicyAncestorRef.GatewayApiGroup, parent.Kind, parent.Namespace, parent.Name, parent.SectionName);

    private List<string> ClaimedRules(Scope routeScope)
    {
        if (!claimedRules.TryGetValue(routeScope, out var list))
        {
            claimedRules[routeScope] = list = new List<string>();
        }

        return list;
    }
}
