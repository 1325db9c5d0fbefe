using System.Collections.Generic;
using System.Collections.Immutable;
using EnvoyGateway.Sdk.GatewayApi.V1;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>A managed, accepted Gateway and the listeners declared in its spec.</summary>
internal sealed class GatewayNode
{
    public GatewayNode(Gateway model, string @namespace, InputOrder order)
    {
        Model = model;
        Namespace = @namespace;
        Name = model.Metadata?.Name ?? string.Empty;
        Order = order;
    }

    public Gateway Model { get; }

    public string Namespace { get; }

    public string Name { get; }

    public InputOrder Order { get; }

    public ObjectKey Key => new(ObjectKey.GatewayApiGroup, "Gateway", Namespace, Name);

    /// <summary>Listeners declared in the Gateway itself, in spec order.</summary>
    public ImmutableArray<ListenerNode> Listeners { get; internal set; } = ImmutableArray<ListenerNode>.Empty;

    /// <summary>ListenerSets attached to this Gateway, in input order.</summary>
    public List<ListenerSetNode> ListenerSets { get; } = new();

    public IReadOnlyDictionary<string, string> Labels => Model.Metadata?.Labels as IReadOnlyDictionary<string, string> ?? ImmutableDictionary<string, string>.Empty;
}

/// <summary>A ListenerSet whose parent Gateway is managed and accepted.</summary>
internal sealed class ListenerSetNode
{
    public ListenerSetNode(ListenerSet model, string @namespace, GatewayNode parent, InputOrder order)
    {
        Model = model;
        Namespace = @namespace;
        Name = model.Metadata?.Name ?? string.Empty;
        Parent = parent;
        Order = order;
    }

    public ListenerSet Model { get; }

    public string Namespace { get; }

    public string Name { get; }

    public GatewayNode Parent { get; }

    public InputOrder Order { get; }

    public ObjectKey Key => new(ObjectKey.GatewayApiGroup, "ListenerSet", Namespace, Name);

    public ImmutableArray<ListenerNode> Listeners { get; internal set; } = ImmutableArray<ListenerNode>.Empty;

    public IReadOnlyDictionary<string, string> Labels => Model.Metadata?.Labels as IReadOnlyDictionary<string, string> ?? ImmutableDictionary<string, string>.Empty;
}

/// <summary>One listener of a Gateway or of a ListenerSet.</summary>
internal sealed record ListenerNode(
    GatewayNode Gateway,
    ListenerSetNode? ListenerSet,
    string Name,
    int Port,
    string Protocol,
    string? Hostname,
    string? TlsMode,
    ImmutableArray<(string Group, string Kind)> AllowedKinds,
    string AllowedNamespacesFrom,
    LabelSelector? AllowedNamespacesSelector)
{
    /// <summary>Envoy Gateway's IR listener name: <c>gwNs/gw/listener</c> or <c>gwNs/gw/lsNs/ls/listener</c>.</summary>
    public string IrName => ListenerSet is null
        ? $"{Gateway.Namespace}/{Gateway.Name}/{Name}"
        : $"{Gateway.Namespace}/{Gateway.Name}/{ListenerSet.Namespace}/{ListenerSet.Name}/{Name}";

    /// <summary>The namespace of the object that declares the listener (for allowedRoutes "Same").</summary>
    public string OwnerNamespace => ListenerSet?.Namespace ?? Gateway.Namespace;

    /// <summary>True when the listener terminates TLS (HTTPS, or TLS in Terminate mode).</summary>
    public bool TerminatesTls => Protocol == "HTTPS" || (Protocol == "TLS" && TlsMode != "Passthrough");

    public override string ToString() => IrName;
}
