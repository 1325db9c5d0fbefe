using System.Linq;
using Envoy.Extensions.Filters.Listener.ProxyProtocol.V3;
using Envoy.Extensions.Filters.Network.ConnectionLimit.V3;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.ClientTraffic;

/// <summary>ClientTrafficPolicy settings on the Envoy listener and its filter chains: keepalive, connection, proxy protocol.</summary>
public class ListenerSettingsTests
{
    private static readonly string HttpGateway = Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80");

    private static readonly string TcpGateway = Inputs.Gateway("eg", "- name: tcp\n  protocol: TCP\n  port: 9000");

    private static readonly string TcpRoute = CtpInputs.Route("db", "db", "TCPRoute");

    [Test]
    public void Without_a_policy_the_listener_keeps_envoy_gateway_defaults()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, HttpGateway, CtpInputs.Route("web", "a"), Inputs.Service("a", 80, "10.0.0.1"));

        var listener = CtpInputs.Listener(xds, "default/eg/http");
        Assert.That(listener.SocketOptions, Is.Empty);
        Assert.That(listener.PerConnectionBufferLimitBytes, Is.EqualTo(32768));
        Assert.That(listener.MaxConnectionsToAcceptPerSocketEvent, Is.EqualTo(1));
        Assert.That(listener.ListenerFilters, Is.Empty);
        Assert.That(listener.DefaultFilterChain.Filters.Select(f => f.Name), Is.EqualTo(new[] { "envoy.filters.network.http_connection_manager" }));
    }

    [Test]
    public void Tcp_keepalive_becomes_prebind_socket_options_with_linux_numbers()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, HttpGateway, CtpInputs.Route("web", "a"), Inputs.Service("a", 80, "10.0.0.1"),
            CtpInputs.Policy("keepalive", "  tcpKeepalive:\n    probes: 3\n    idleTime: 5m\n    interval: 30s"));

        var options = CtpInputs.Listener(xds, "default/eg/http").SocketOptions;
        Assert.That(options.Select(o => (o.Description, o.Level, o.Name, o.IntValue)), Is.EqualTo(new[]
        {
            ("socket-enable-keepalive", 1L, 9L, 1L),
            ("socket-keepalive-probes", 6L, 6L, 3L),
            ("socket-keepalive-idle", 6L, 4L, 300L),
            ("socket-keepalive-interval", 6L, 5L, 30L),
        }));
        Assert.That(options.Select(o => o.State), Has.All.EqualTo(global::Envoy.Config.Core.V3.SocketOption.Types.SocketState.StatePrebind));
    }

    [Test]
    public void An_empty_keepalive_only_turns_keepalive_on()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, HttpGateway, CtpInputs.Route("web", "a"), Inputs.Service("a", 80, "10.0.0.1"),
            CtpInputs.Policy("keepalive", "  tcpKeepalive: {}"));

        Assert.That(CtpInputs.Listener(xds, "default/eg/http").SocketOptions.Select(o => o.Description), Is.EqualTo(new[] { "socket-enable-keepalive" }));
    }

    [Test]
    public void Connection_settings_set_buffer_limit_accept_count_limit_filter_and_hcm_durations()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, HttpGateway, CtpInputs.Route("web", "a"), Inputs.Service("a", 80, "10.0.0.1"),
            CtpInputs.Policy("connection", """
                  connection:
                    bufferLimit: 64Ki
                    maxAcceptPerSocketEvent: 0
                    connectionLimit:
                      value: 500
                      closeDelay: 2s
                      maxConnectionDuration: 10m
                      maxRequestsPerConnection: 100
                      maxStreamDuration: 30s
                """));

        var listener = CtpInputs.Listener(xds, "default/eg/http");
        Assert.That(listener.PerConnectionBufferLimitBytes, Is.EqualTo(65536));
        Assert.That(listener.MaxConnectionsToAcceptPerSocketEvent, Is.Null, "0 leaves the field unset");
        var filters = listener.DefaultFilterChain.Filters;
        Assert.That(filters.Select(f => f.Name), Is.EqualTo(new[] { "envoy.filters.network.connection_limit", "envoy.filters.network.http_connection_manager" }));
        var limit = filters[0].TypedConfig.Unpack<ConnectionLimit>();
        Assert.That((limit.StatPrefix, limit.MaxConnections, limit.Delay.Seconds), Is.EqualTo(("http-10080", 500UL, 2L)));

        var common = CtpInputs.Hcm(xds, "default/eg/http").CommonHttpProtocolOptions;
        Assert.That(common.MaxConnectionDuration.Seconds, Is.EqualTo(600));
        Assert.That(common.MaxRequestsPerConnection, Is.EqualTo(100));
        Assert.That(common.MaxStreamDuration.Seconds, Is.EqualTo(30));
        Assert.That(common.HeadersWithUnderscoresAction, Is.EqualTo(global::Envoy.Config.Core.V3.HttpProtocolOptions.Types.HeadersWithUnderscoresAction.RejectRequest), "the default stays");
        Assert.That(xds.Warnings, Has.Some.Contains("http1_safe_max_connection_duration"));
    }

    [Test]
    public void Connection_limit_on_a_tcp_listener_guards_the_tcp_proxy_with_its_stat_prefix()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, TcpGateway, TcpRoute, Inputs.Service("db", 80, "10.0.3.1"),
            CtpInputs.Policy("limit", "  connection:\n    connectionLimit:\n      value: 10"));

        var filters = CtpInputs.Listener(xds, "default/eg/tcp").FilterChains.Single().Filters;
        Assert.That(filters.Select(f => f.Name), Is.EqualTo(new[] { "envoy.filters.network.connection_limit", "envoy.filters.network.tcp_proxy" }));
        var limit = filters[0].TypedConfig.Unpack<ConnectionLimit>();
        Assert.That((limit.StatPrefix, limit.MaxConnections, limit.Delay), Is.EqualTo(("tcp-9000", 10UL, (Google.Protobuf.WellKnownTypes.Duration?)null)));
    }

    [Test]
    public void Proxy_protocol_is_the_first_listener_filter_before_the_tls_inspector()
    {
        var xds = Inputs.TranslateOne([.. CtpInputs.HttpsGateway(), CtpInputs.Policy("pp", "  proxyProtocol:\n    optional: true")]);

        var filters = CtpInputs.Listener(xds, "default/eg/https").ListenerFilters;
        Assert.That(filters.Select(f => f.Name), Is.EqualTo(new[] { "envoy.filters.listener.proxy_protocol", "envoy.filters.listener.tls_inspector" }));
        Assert.That(filters[0].TypedConfig.Unpack<ProxyProtocol>().AllowRequestsWithoutProxyProtocol, Is.True);
    }

    [Test]
    public void Deprecated_enable_proxy_protocol_requires_the_header()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, HttpGateway, CtpInputs.Route("web", "a"), Inputs.Service("a", 80, "10.0.0.1"),
            CtpInputs.Policy("pp", "  enableProxyProtocol: true"));

        var filter = CtpInputs.Listener(xds, "default/eg/http").ListenerFilters.Single();
        Assert.That(filter.Name, Is.EqualTo("envoy.filters.listener.proxy_protocol"));
        Assert.That(filter.TypedConfig.Unpack<ProxyProtocol>().AllowRequestsWithoutProxyProtocol, Is.False);
    }
}
