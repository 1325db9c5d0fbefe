using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>A route of any kind that at least one parentRef attaches to a managed Gateway or ListenerSet.</summary>
internal sealed class RouteNode
{
    public RouteNode(string kind, string @namespace, string name, object model, InputOrder order, IReadOnlyDictionary<string, string> labels,
        ImmutableArray<string> hostnames, ImmutableArray<RuleNode> rules)
    {
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        Model = model;
        Order = order;
        Labels = labels;
        Hostnames = hostnames;
        Rules = rules;
    }

    /// <summary><c>HTTPRoute</c>, <c>GRPCRoute</c>, <c>TLSRoute</c>, <c>TCPRoute</c> or <c>UDPRoute</c>.</summary>
    public string Kind { get; }

    public string Namespace { get; }

    public string Name { get; }

    public object Model { get; }

    public InputOrder Order { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public ImmutableArray<string> Hostnames { get; }

    public ImmutableArray<RuleNode> Rules { get; }

    /// <summary>ParentRefs that this controller handles (a managed Gateway or a ListenerSet of one), in spec order.</summary>
    public ImmutableArray<ParentRefNode> ParentRefs { get; internal set; } = ImmutableArray<ParentRefNode>.Empty;

    public ObjectKey Key => new(ObjectKey.GatewayApiGroup, Kind, Namespace, Name);

    /// <summary>Envoy Gateway's IR route name prefix, with the trailing slash that keeps <c>r-1</c> apart from <c>r-1-1</c>.</summary>
    public string IrPrefix => $"{Kind.ToLowerInvariant()}/{Namespace}/{Name}/";

    public bool IsHttp => Kind is "HTTPRoute" or "GRPCRoute";

    public RuleNode? FindRule(string name) => Rules.FirstOrDefault(r => r.Name == name);

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}

/// <summary>A rule of a route: its index and optional name.</summary>
internal sealed record RuleNode(int Index, string? Name);

/// <summary>
/// A managed parentRef of a route: the Gateway (and ListenerSet) it resolves to, the sectionName/port it asks for,
/// and the listeners that accepted the route through it.
/// </summary>
internal sealed record ParentRefNode(
    string Kind,
    string Namespace,
    string Name,
    string? SectionName,
    int? Port,
    GatewayNode Gateway,
    ListenerSetNode? ListenerSet,
    ImmutableArray<ListenerNode> AcceptedListeners);
