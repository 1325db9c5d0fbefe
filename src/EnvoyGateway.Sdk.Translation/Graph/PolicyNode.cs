using System.Collections.Immutable;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>The three policy kinds the engine resolves.</summary>
internal enum PolicyKind
{
    BackendTrafficPolicy,
    ClientTrafficPolicy,
    SecurityPolicy,
}

/// <summary>A plain <c>targetRef</c>/<c>targetRefs</c> entry (always in the policy's own namespace).</summary>
internal sealed record PolicyTargetRef(string Group, string Kind, string Name, string? SectionName);

/// <summary>A <c>targetSelectors</c> entry.</summary>
internal sealed record PolicyTargetSelector(string Group, string Kind, string NamespacesFrom, LabelSelector? NamespaceSelector, LabelSelector Labels);

/// <summary>A BackendTrafficPolicy, ClientTrafficPolicy or SecurityPolicy of the input with its targeting fields read out.</summary>
internal sealed class PolicyNode
{
    public PolicyNode(PolicyKind kind, object model, JsonElement json, string @namespace, string name, long? generation, InputOrder order,
        PolicyTargetRef? targetRef, ImmutableArray<PolicyTargetRef> targetRefs, ImmutableArray<PolicyTargetSelector> selectors, string? mergeType)
    {
        Kind = kind;
        Model = model;
        Json = json;
        Namespace = @namespace;
        Name = name;
        Generation = generation;
        Order = order;
        TargetRef = targetRef;
        TargetRefs = targetRefs;
        Selectors = selectors;
        MergeType = mergeType;
    }

    public PolicyKind Kind { get; }

    /// <summary>The typed model (BackendTrafficPolicy, ClientTrafficPolicy or SecurityPolicy).</summary>
    public object Model { get; }

    /// <summary>The whole object as JSON, for merging and field inspection.</summary>
    public JsonElement Json { get; }

    public string Namespace { get; }

    public string Name { get; }

    public long? Generation { get; }

    public InputOrder Order { get; }

    /// <summary>The deprecated single target; when set, <see cref="TargetRefs"/> is ignored.</summary>
    public PolicyTargetRef? TargetRef { get; }

    public ImmutableArray<PolicyTargetRef> TargetRefs { get; }

    public ImmutableArray<PolicyTargetSelector> Selectors { get; }

    /// <summary><c>StrategicMerge</c>, <c>JSONMerge</c>, or null (replace).</summary>
    public string? MergeType { get; }

    /// <summary>The plain refs that count: <c>targetRef</c> alone when set, else <c>targetRefs</c>.</summary>
    public ImmutableArray<PolicyTargetRef> PlainRefs => TargetRef is { } single ? ImmutableArray.Create(single) : TargetRefs;

    public string KindName => Kind.ToString();

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
