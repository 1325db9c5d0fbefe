using System.Collections.Generic;
using System.Linq;
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

    /// <summary>
    /// True when an endpoint is a hostname (an EndpointSlice of addressType FQDN): the cluster resolves it with DNS and
    /// carries its endpoints inline (<c>Cluster.load_assignment</c>) instead of using EDS.
    /// </summary>
    public bool IsDns => Backends.Any(b => b.Endpoints.Any(e => e.Fqdn));

    /// <summary>
    /// The IP family the backends' Services ask for (<c>IPv4</c>, <c>IPv6</c>, <c>DualStack</c>), which decides the DNS
    /// lookup family over any policy; null when no backend names one. Backends that disagree mean <c>DualStack</c>.
    /// </summary>
    public string? IpFamily
    {
        get
        {
            var families = Backends.Select(b => b.IpFamily).OfType<string>().Distinct().ToList();
            return families.Count switch
            {
                0 => null,
                1 => families[0],
                _ => "DualStack",
            };
        }
    }

    public override string ToString() => Name;
}

/// <summary>
/// One backendRef: its weight and resolved endpoints; locality <c>&lt;cluster&gt;/backend/&lt;index&gt;</c>.
/// <paramref name="Service"/> is <c>&lt;namespace&gt;/&lt;name&gt;</c> of the Service (route stat names use it).
/// </summary>
internal sealed record BackendIr(int Index, uint Weight, IReadOnlyList<EndpointIr> Endpoints, string Service = "", string? IpFamily = null);

/// <summary>
/// An endpoint from an EndpointSlice: an IP address, or a hostname when <paramref name="Fqdn"/> (addressType FQDN);
/// <paramref name="Zone"/> is the endpoint's <c>zone</c> (its locality for zone-aware balancing).
/// </summary>
internal sealed record EndpointIr(string Address, uint Port, string? Zone = null, bool Fqdn = false);
