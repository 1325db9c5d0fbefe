using System.Globalization;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Xds;

/// <summary>
/// Envoy Gateway's xDS resource names (scheme V1, the default; envoy-mapping.md §5). Every translator names
/// resources through here so a user can diff the output with <c>egctl x translate</c>.
/// </summary>
internal static class XdsNames
{
    public const string HttpConnectionManagerFilter = "envoy.filters.network.http_connection_manager";
    public const string TcpProxyFilter = "envoy.filters.network.tcp_proxy";
    public const string UdpProxyFilter = "envoy.filters.udp_listener.udp_proxy";
    public const string TlsInspectorFilter = "envoy.filters.listener.tls_inspector";
    public const string TlsTransportSocket = "envoy.transport_sockets.tls";
    public const string RouterFilter = "envoy.filters.http.router";
    public const string HttpProtocolOptionsKey = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    /// <summary>Envoy runs unprivileged: Gateway ports below 1024 are bound at port + 10000.</summary>
    public static int ContainerPort(int port) => port < 1024 ? port + 10000 : port;

    /// <summary>A hostname as it appears in names: dots become underscores.</summary>
    public static string Host(string hostname) => hostname.Replace('.', '_');

    public static string VirtualHost(string listenerName, string hostname) => $"{listenerName}/{Host(hostname)}";

    public static string Route(RouteNode route, int rule, int match, string hostname) =>
        $"{route.IrPrefix}rule/{rule.ToString(CultureInfo.InvariantCulture)}/match/{match.ToString(CultureInfo.InvariantCulture)}/{Host(hostname)}";

    /// <summary>The cluster of an HTTP/GRPC route rule.</summary>
    public static string RuleCluster(RouteNode route, int rule) => $"{route.IrPrefix}rule/{rule.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The single cluster of a TCP/TLS/UDP route (all rules together).</summary>
    public static string L4Cluster(RouteNode route) => $"{route.IrPrefix}rule/-1";

    public static string Locality(string cluster, int backend) => $"{cluster}/backend/{backend.ToString(CultureInfo.InvariantCulture)}";

    public static string HttpStatPrefix(bool tls, int port) => (tls ? "https-" : "http-") + port.ToString(CultureInfo.InvariantCulture);

    public static string TcpStatPrefix(bool passthrough, bool terminate, int port) =>
        (passthrough ? "tls-passthrough-" : terminate ? "tls-terminate-" : "tcp-") + port.ToString(CultureInfo.InvariantCulture);

    public static string Secret(string @namespace, string name) => $"{@namespace}/{name}";
}
