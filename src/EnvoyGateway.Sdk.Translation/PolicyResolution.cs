using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Precedence;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation;

/// <summary>
/// The immutable outcome of resolving a <see cref="ResourceSet"/>: the status Envoy Gateway would write on every
/// BackendTrafficPolicy, ClientTrafficPolicy and SecurityPolicy, and the resources it ignored.
/// </summary>
public sealed class PolicyResolution
{
    private readonly Dictionary<(string Kind, string Namespace, string Name), PolicyStatusReport> byName;

    internal PolicyResolution(ImmutableArray<PolicyStatusReport> policies, ImmutableArray<LoadedResource> ignored, ResourceGraph graph, PolicyOutcomes outcomes)
    {
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

    /// <summary>Every policy of the input, in input order, with its status.</summary>
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

    internal static PolicyResolution Create(ResourceGraph graph, PolicyOutcomes outcomes, IEnumerable<LoadedResource> ignored, Func<PolicyNode, ImmutableArray<PolicyAncestorStatus>> statusOf)
    {
        var reports = graph.Policies.Values.SelectMany(p => p)
            .OrderBy(p => p.Order.Index)
            .Select(p => new PolicyStatusReport(p.KindName, p.Namespace, p.Name, p.Model, statusOf(p)))
            .ToImmutableArray();
        return new PolicyResolution(reports, ignored.ToImmutableArray(), graph, outcomes);
    }
}
