using System.Collections.Generic;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// One Envoy route: a route rule × match × hostname of an HTTPRoute or GRPCRoute, with its destination and the
/// BackendTrafficPolicy pieces that apply to its rule.
/// </summary>
internal sealed class HttpRouteIr
{
    public HttpRouteIr(RouteNode route, int ruleIndex, int matchIndex, string hostname)
    {
        Route = route;
        RuleIndex = ruleIndex;
        MatchIndex = matchIndex;
        Hostname = hostname;
    }

    public RouteNode Route { get; }

    public int RuleIndex { get; }

    public int MatchIndex { get; }

    /// <summary>The hostname this route serves (<c>*</c> for any).</summary>
    public string Hostname { get; }

    /// <summary><c>&lt;kind&gt;/&lt;ns&gt;/&lt;name&gt;/rule/&lt;r&gt;/match/&lt;m&gt;/&lt;host with _&gt;</c>.</summary>
    public string Name => XdsNames.Route(Route, RuleIndex, MatchIndex, Hostname);

    public bool IsGrpc => Route.Kind == "GRPCRoute";

    public PathMatchIr? Path { get; set; }

    public List<StringMatchIr> Headers { get; } = new();

    public List<StringMatchIr> QueryParams { get; } = new();

    /// <summary>The cluster; null when the rule has no usable backend (then <see cref="DirectResponseStatus"/> is set).</summary>
    public DestinationIr? Destination { get; set; }

    public uint? DirectResponseStatus { get; set; }

    /// <summary>The HTTPRoute rule's <c>timeouts.backendRequest</c>, else its <c>timeouts.request</c>, in nanoseconds (wins over any policy).</summary>
    public long? RequestTimeoutNanos { get; set; }

    public List<HeaderValueIr> AddRequestHeaders { get; } = new();

    public List<string> RemoveRequestHeaders { get; } = new();

    public List<HeaderValueIr> AddResponseHeaders { get; } = new();

    public List<string> RemoveResponseHeaders { get; } = new();

    public RedirectIr? Redirect { get; set; }

    public RewriteIr? Rewrite { get; set; }

    /// <summary>The effective BackendTrafficPolicy of the rule (after precedence and merging), or null.</summary>
    public BackendTrafficFeatureSet? Traffic { get; set; }

    /// <summary>The effective SecurityPolicy of the rule on this listener, or null.</summary>
    public SecurityIr? Security { get; set; }

    public override string ToString() => Name;
}

/// <summary>Path match: <c>Exact</c>, <c>PathPrefix</c> or <c>RegularExpression</c> (GRPC methods become these too).</summary>
internal sealed record PathMatchIr(string Type, string Value);

/// <summary>A header or query parameter match: <c>Exact</c> or <c>RegularExpression</c>.</summary>
internal sealed record StringMatchIr(string Name, string Type, string Value);

/// <summary>A header to set (<c>Overwrite</c>) or add.</summary>
internal sealed record HeaderValueIr(string Name, string Value, bool Append);

/// <summary>An HTTPRoute RequestRedirect filter.</summary>
internal sealed record RedirectIr(string? Scheme, string? Hostname, int? Port, int StatusCode, string? PathType, string? PathValue);

/// <summary>An HTTPRoute URLRewrite filter.</summary>
internal sealed record RewriteIr(string? Hostname, string? PathType, string? PathValue);

/// <summary>A TCPRoute or TLSRoute: one filter chain on its listener.</summary>
internal sealed class TcpRouteIr
{
    public TcpRouteIr(RouteNode route) => Route = route;

    public RouteNode Route { get; }

    /// <summary><c>&lt;kind&gt;/&lt;ns&gt;/&lt;name&gt;</c>, also the filter chain name.</summary>
    public string Name => Route.IrPrefix.TrimEnd('/');

    /// <summary>SNI hostnames the chain matches (TLS listeners), empty for plain TCP.</summary>
    public List<string> SniHostnames { get; } = new();

    /// <summary>Set when the listener terminates TLS for this route.</summary>
    public TlsIr? TerminateTls { get; set; }

    /// <summary>True for a TLS passthrough listener.</summary>
    public bool Passthrough { get; set; }

    public DestinationIr? Destination { get; set; }

    public BackendTrafficFeatureSet? Traffic { get; set; }

    /// <summary>The effective SecurityPolicy (TCPRoutes: authorization only), or null.</summary>
    public SecurityIr? Security { get; set; }
}

/// <summary>A UDPRoute.</summary>
internal sealed class UdpRouteIr
{
    public UdpRouteIr(RouteNode route) => Route = route;

    public RouteNode Route { get; }

    public string Name => Route.IrPrefix.TrimEnd('/');

    public DestinationIr? Destination { get; set; }

    public BackendTrafficFeatureSet? Traffic { get; set; }
}
