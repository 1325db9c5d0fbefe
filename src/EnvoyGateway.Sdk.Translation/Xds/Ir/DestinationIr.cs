using System.Collections.Generic;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// A route rule's upstream: one Envoy cluster named after the rule, with one weighted locality per backendRef
/// (Envoy Gateway's "destination settings").
/// </summary>
internal sealed class DestinationIr
{
    public DestinationIr(string name) => Name = name;

    /// <summary>The cluster name, e.g. <c>httproute/default/backend/rule/0</c> or <c>tcproute/default/app/rule/-1</c>.</summary>
    public string Name { get; }

    public List<BackendIr> Backends { get; } = new();

    /// <summary>Upstream HTTP/2 (GRPCRoute backends, or a Service port with appProtocol h2c/grpc).</summary>
    public bool Http2 { get; set; }

    /// <summary>The hostname of the first HTTP route using this cluster (<c>*</c> for any), e.g. the default health-check host.</summary>
    public string? RouteHostname { get; set; }

    /// <summary>The BackendTrafficPolicy of the first route rule that uses this cluster.</summary>
    public BackendTrafficFeatureSet? Traffic { get; set; }

    public override string ToString() => Name;
}

/// <summary>One backendRef: its weight and resolved endpoints; locality <c>&lt;cluster&gt;/backend/&lt;index&gt;</c>.</summary>
internal sealed record BackendIr(int Index, uint Weight, IReadOnlyList<EndpointIr> Endpoints);

/// <summary>An endpoint address and port from an EndpointSlice.</summary>
internal sealed record EndpointIr(string Address, uint Port);
