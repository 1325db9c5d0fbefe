using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Precedence;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation;

/// <summary>
/// The immutable outcome of resolving a <see cref="ResourceSet"/>: the status Envoy Gateway would write on every
/// BackendTrafficPolicy, ClientTrafficPolicy and SecurityPolicy, and the resources it ignored.
/// </summary>
public sealed partial class PolicyResolution
{
    private readonly Dictionary<(string Kind, string Namespace, string Name), PolicyStatusReport> byName;

    private readonly EffectivePolicyFinder effective;

    internal PolicyResolution(ImmutableArray<PolicyStatusReport> policies, ImmutableArray<LoadedResource> ignored, ResourceGraph graph, PolicyOutcomes outcomes,
        Func<PolicyNode, ImmutableArray<PolicyAncestorStatus>> statusOf)
    {
        effective = new EffectivePolicyFinder(graph, outcomes, statusOf);
        Policies = policies;
        IgnoredResources = ignored;
        Graph = graph;
        Outcomes = outcomes;
        byName = new();
        foreach (var policy in policies)
        {
            byName.TryAdd((policy.Kind, policy.Namespace, policy.Name), policy);
        }
    }

    /// <summary>
    /// Every policy of the input with its status: in input order, or, when every policy carries a creation timestamp,
    /// in Envoy Gateway's processing order (creation time, namespace, name), so that reordering the documents of an
    /// input whose objects have distinct creation times changes nothing.
    /// </summary>
    public ImmutableArray<PolicyStatusReport> Policies { get; }

    /// <summary>Resources of kinds the engine does not use (reported as warnings by the CLI, never dropped silently).</summary>
    public ImmutableArray<LoadedResource> IgnoredResources { get; }

    internal ResourceGraph Graph { get; }

    internal PolicyOutcomes Outcomes { get; }

    /// <summary>The status of one policy.</summary>
    /// <param name="kind"><c>BackendTrafficPolicy</c>, <c>ClientTrafficPolicy</c> or <c>SecurityPolicy</c>.</param>
    /// <param name="namespace">The policy's namespace.</param>
    /// <param name="name">The policy's name.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KeyNotFoundException">No such policy in the input.</exception>
    public PolicyStatusReport StatusOf(string kind, string @namespace, string name) =>
        byName.TryGetValue((kind, @namespace, name), out var report)
            ? report
            : throw new KeyNotFoundException($"No {kind} {@namespace}/{name} in the input (known: {string.Join(", ", byName.Keys.Select(k => $"{k.Kind} {k.Namespace}/{k.Name}"))}).");

    /// <summary>The BackendTrafficPolicy that applies to a route rule on a listener, with the provenance of every field.</summary>
    /// <param name="rule">The route rule.</param>
    /// <param name="listener">The listener; may be omitted when the route is attached to exactly one.</param>
    /// <returns>The effective policy, or null when no BackendTrafficPolicy applies.</returns>
    /// <exception cref="KeyNotFoundException">The route, rule or listener does not exist (the message lists what does).</exception>
    /// <exception cref="ArgumentException">The rule or listener is ambiguous.</exception>
    public EffectivePolicy<BackendTrafficPolicy>? EffectiveBackendTrafficPolicy(RouteRuleRef rule, ListenerRef? listener = null) =>
        effective.ForRouteRule<BackendTrafficPolicy>(PolicyKind.BackendTrafficPolicy, rule ?? throw new ArgumentNullException(nameof(rule)), listener);

    /// <summary>The SecurityPolicy that applies to a route rule on a listener, with the provenance of every field.</summary>
    /// <param name="rule">The route rule.</param>
    /// <param name="listener">The listener; may be omitted when the route is attached to exactly one.</param>
    /// <returns>The effective policy, or null when no SecurityPolicy applies.</returns>
    /// <exception cref="KeyNotFoundException">The route, rule or listener does not exist.</exception>
    /// <exception cref="ArgumentException">The rule or listener is ambiguous.</exception>
    public EffectivePolicy<SecurityPolicy>? EffectiveSecurityPolicy(RouteRuleRef rule, ListenerRef? listener = null) =>
        effective.ForRouteRule<SecurityPolicy>(PolicyKind.SecurityPolicy, rule ?? throw new ArgumentNullException(nameof(rule)), listener);

    /// <summary>The ClientTrafficPolicy that configures a listener.</summary>
    /// <param name="listener">The listener.</param>
    /// <returns>The effective policy, or null when none applies.</returns>
    /// <exception cref="KeyNotFoundException">The listener does not exist.</exception>
    public EffectivePolicy<ClientTrafficPolicy>? EffectiveClientTrafficPolicy(ListenerRef listener) =>
        effective.ForListener<ClientTrafficPolicy>(listener ?? throw new ArgumentNullException(nameof(listener)));

    internal static PolicyResolution Create(ResourceGraph graph, PolicyOutcomes outcomes, IEnumerable<LoadedResource> ignored, Func<PolicyNode, ImmutableArray<PolicyAncestorStatus>> statusOf)
    {
        var all = graph.Policies.Values.SelectMany(p => p).ToList();
        var ordered = all.TrueForAll(p => p.Order.CreationTimestamp is not null)
            ? all.OrderBy(p => p.Order.CreationTimestamp).ThenBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            : all.OrderBy(p => p.Order.Index);
        var reports = ordered
            .Select(p => new PolicyStatusReport(p.KindName, p.Namespace, p.Name, p.Model, statusOf(p)))
            .ToImmutableArray();
        return new PolicyResolution(reports, ignored.ToImmutableArray(), graph, outcomes, statusOf);
    }
}
