using System.Collections.Generic;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>What the engines record per policy: output order, status, claimed scopes and merges.</summary>
internal sealed class PolicyOutcomes
{
    private readonly Dictionary<PolicyNode, PolicyStatusWriter> writers = new();
    private readonly List<PolicyNode> seen = new();

    /// <summary>Policies in output order: first pass that picked one of their targets, then policy order.</summary>
    public IReadOnlyList<PolicyNode> Seen => seen;

    /// <summary>Scopes each policy won, in claim order.</summary>
    public Dictionary<PolicyNode, List<Scope>> Claims { get; } = new();

    /// <summary>Route policies merged into a parent, per listener.</summary>
    public List<(PolicyNode Route, PolicyNode Parent, ListenerNode Listener, JsonObject Merged)> Merges { get; } = new();

    /// <summary>The ClientTrafficPolicy that configures each listener.</summary>
    public Dictionary<ListenerNode, PolicyNode> ListenerPolicies { get; } = new();

    public void MarkSeen(PolicyNode policy)
    {
        if (!writers.ContainsKey(policy))
        {
            writers[policy] = new PolicyStatusWriter(policy.Generation);
            seen.Add(policy);
        }
    }

    public PolicyStatusWriter Writer(PolicyNode policy)
    {
        MarkSeen(policy);
        return writers[policy];
    }

    public bool WasSeen(PolicyNode policy) => writers.ContainsKey(policy);

    public void Claim(PolicyNode policy, Scope scope)
    {
        if (!Claims.TryGetValue(policy, out var list))
        {
            Claims[policy] = list = new List<Scope>();
        }

        list.Add(scope);
    }

    public void RecordMerge(PolicyNode route, PolicyNode parent, ListenerNode listener, JsonObject merged) => Merges.Add((route, parent, listener, merged));
}
