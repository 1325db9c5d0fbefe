using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Extensions.Filters.Udp.UdpProxy.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using HttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

public class RouteKindTests
{
    [Test]
    public void Http_route_gets_envoy_gateway_defaults_on_listener_hcm_route_cluster_and_endpoints()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80"), """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: web
              namespace: default
            spec:
              parentRefs:
              - name: eg
              rules:
              - matches:
                - path:
                    type: PathPrefix
                    value: /api/
                  headers:
                  - name: x-env
                    value: prod
                  method: GET
                backendRefs:
                - name: a
                  port: 8080
                  weight: 3
                - name: b
                  port: 9090
                timeouts:
                  request: 15s
            """, Inputs.Service("a", 8080, "10.0.0.1", "10.0.0.2"), Inputs.Service("b", 9090, "10.0.1.1"));

        var listener = xds.Listeners.Single();
        Assert.That(listener.PerConnectionBufferLimitBytes, Is.EqualTo(32768));
        Assert.That(listener.MaxConnectionsToAcceptPerSocketEvent, Is.EqualTo(1));
        var hcm = listener.DefaultFilterChain.Filters.Single().TypedConfig.Unpack<HttpConnectionManager>();
        Assert.That(hcm.StatPrefix, Is.EqualTo("http-10080"));
        Assert.That(hcm.Rds.RouteConfigName, Is.EqualTo("default/eg/http"));
        Assert.That(hcm.UseRemoteAddress, Is.True);
        Assert.That(hcm.HttpFilters.Select(f => f.Name), Is.EqualTo(new[] { "envoy.filters.http.router" }));

        var route = xds.Routes.Single().VirtualHosts.Single().Routes.Single();
        Assert.That(route.Match.PathSeparatedPrefix, Is.EqualTo("/api"));
        Assert.That(route.Match.Headers.Select(h => (h.Name, h.StringMatch.Exact)), Is.EqualTo(new[] { (":method", "GET"), ("x-env", "prod") }));
        Assert.That(route.Route_.Cluster, Is.EqualTo("httproute/default/web/rule/0"));
        Assert.That(route.Route_.Timeout.Seconds, Is.EqualTo(15));
        Assert.That(route.Route_.IdleTimeout.Seconds, Is.EqualTo(3600));
        Assert.That(route.Route_.UpgradeConfigs.Single().UpgradeType, Is.EqualTo("websocket"));

        var cluster = xds.Clusters.Single();
        Assert.That(cluster.ConnectTimeout.Seconds, Is.EqualTo(10));
        Assert.That(cluster.CircuitBreakers.Thresholds.Single().MaxRetries, Is.EqualTo(1024));
        var localities = xds.Endpoints.Single().Endpoints;
        Assert.That(localities.Select(l => l.LoadBalancingWeight), Is.EqualTo(new uint?[] { 3, 1 }));
        Assert.That(localities[0].LbEndpoints.Select(e => e.Endpoint.Address.SocketAddress.Address), Is.EqualTo(new[] { "10.0.0.1", "10.0.0.2" }));
        Assert.That(localities[1].LbEndpoints.Single().Endpoint.Address.SocketAddress.PortValue, Is.EqualTo(9090));
    }

    [Test]
    public void Grpc_route_matches_the_method_path_without_websocket_and_uses_http2_upstream()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80"), """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata:
              name: grpc
              namespace: default
            spec:
              parentRefs:
              - name: eg
              rules:
              - matches:
                - method:
                    service: com.example.Things
                    method: Get
                backendRefs:
                - name: things
                  port: 9000
            """, Inputs.Service("things", 9000, "10.0.2.1"));

        var route = xds.Routes.Single().VirtualHosts.Single().Routes.Single();
        Assert.That(route.Name, Is.EqualTo("grpcroute/default/grpc/rule/0/match/0/*"));
        Assert.That(route.Match.Path, Is.EqualTo("/com.example.Things/Get"));
        Assert.That(route.Route_.UpgradeConfigs, Is.Empty);
        var options = xds.Clusters.Single().TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<HttpProtocolOptions>();
        Assert.That(options.ExplicitHttpConfig.Http2ProtocolOptions.InitialStreamWindowSize, Is.EqualTo(65536));
    }

    [Test]
    public void Tcp_route_becomes_a_filter_chain_with_a_tcp_proxy_to_its_rule_minus_one_cluster()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: tcp\n  protocol: TCP\n  port: 9000"), """
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata:
              name: db
              namespace: default
            spec:
              parentRefs:
              - name: eg
              rules:
              - backendRefs:
                - name: db
                  port: 5432
            """, Inputs.Service("db", 5432, "10.0.3.1"));

        var listener = xds.Listeners.Single();
        Assert.That(listener.Name, Is.EqualTo("default/eg/tcp"));
        var chain = listener.FilterChains.Single();
        Assert.That(chain.Name, Is.EqualTo("tcproute/default/db"));
        var proxy = chain.Filters.Single().TypedConfig.Unpack<TcpProxy>();
        Assert.That(proxy.Cluster, Is.EqualTo("tcproute/default/db/rule/-1"));
        Assert.That(proxy.StatPrefix, Is.EqualTo("tcp-9000"));
        Assert.That(xds.Clusters.Single().Name, Is.EqualTo("tcproute/default/db/rule/-1"));
        Assert.That(xds.Routes, Is.Empty);
    }

    [Test]
    public void Tls_passthrough_route_matches_sni_behind_the_tls_inspector()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass,
            Inputs.Gateway("eg", "- name: tls\n  protocol: TLS\n  port: 443\n  tls:\n    mode: Passthrough"), """
            apiVersion: gateway.networking.k8s.io/v1
            kind: TLSRoute
            metadata:
              name: secure
              namespace: default
            spec:
              parentRefs:
              - name: eg
              hostnames:
              - secure.example.com
              rules:
              - backendRefs:
                - name: secure
                  port: 8443
            """, Inputs.Service("secure", 8443, "10.0.4.1"));

        var listener = xds.Listeners.Single();
        Assert.That(listener.Address.SocketAddress.PortValue, Is.EqualTo(10443));
        Assert.That(listener.ListenerFilters.Single().Name, Is.EqualTo("envoy.filters.listener.tls_inspector"));
        var chain = listener.FilterChains.Single();
        Assert.That(chain.FilterChainMatch.ServerNames, Is.EqualTo(new[] { "secure.example.com" }));
        Assert.That(chain.Filters.Single().TypedConfig.Unpack<TcpProxy>().StatPrefix, Is.EqualTo("tls-passthrough-10443"));
    }

    [Test]
    public void Udp_route_becomes_a_udp_listener_with_the_udp_proxy()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: dns\n  protocol: UDP\n  port: 53"), """
            apiVersion: gateway.networking.k8s.io/v1
            kind: UDPRoute
            metadata:
              name: dns
              namespace: default
            spec:
              parentRefs:
              - name: eg
              rules:
              - backendRefs:
                - name: dns
                  port: 5353
            """, Inputs.Service("dns", 5353, "10.0.5.1"));

        var listener = xds.Listeners.Single();
        Assert.That(listener.Address.SocketAddress.Protocol, Is.EqualTo(SocketAddress.Types.Protocol.Udp));
        Assert.That(listener.Address.SocketAddress.PortValue, Is.EqualTo(10053));
        var proxy = listener.ListenerFilters.Single().TypedConfig.Unpack<UdpProxyConfig>();
#pragma warning disable CS0612
        Assert.That(proxy.Cluster, Is.EqualTo("udproute/default/dns/rule/-1"));
#pragma warning restore CS0612
        Assert.That(xds.Endpoints.Single().ClusterName, Is.EqualTo("udproute/default/dns/rule/-1"));
    }

    [Test]
    public void Https_listener_serves_its_certificate_over_sds_and_emits_the_secret()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass,
            Inputs.Gateway("eg", "- name: https\n  protocol: HTTPS\n  port: 443\n  hostname: www.example.com\n  tls:\n    certificateRefs:\n    - name: cert"), """
            apiVersion: v1
            kind: Secret
            metadata:
              name: cert
              namespace: default
            type: kubernetes.io/tls
            data:
              tls.crt: Y2VydA==
              tls.key: a2V5
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: web
              namespace: default
            spec:
              parentRefs:
              - name: eg
              rules:
              - backendRefs:
                - name: web
                  port: 80
            """, Inputs.Service("web", 80, "10.0.6.1"));

        var chain = xds.Listeners.Single().FilterChains.Single();
        Assert.That(chain.Name, Is.EqualTo("default/eg/https"));
        Assert.That(chain.FilterChainMatch.ServerNames, Is.EqualTo(new[] { "www.example.com" }));
        var tls = chain.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>();
        Assert.That(tls.CommonTlsContext.AlpnProtocols, Is.EqualTo(new[] { "h2", "http/1.1" }));
        Assert.That(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs.Single().Name, Is.EqualTo("default/cert"));
        Assert.That(chain.Filters.Single().TypedConfig.Unpack<HttpConnectionManager>().StatPrefix, Is.EqualTo("https-10443"));
        var secret = xds.Secrets.Single();
        Assert.That(secret.Name, Is.EqualTo("default/cert"));
        Assert.That(secret.TlsCertificate.CertificateChain.InlineBytes.ToStringUtf8(), Is.EqualTo("cert"));
        Assert.That(xds.Routes.Single().VirtualHosts.Single().Name, Is.EqualTo("default/eg/https/www_example_com"));
    }

    [Test]
    public void A_rule_whose_backends_are_all_missing_answers_500_and_is_reported()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80"), """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: web
              namespace: default
            spec:
              parentRefs:
              - name: eg
              rules:
              - backendRefs:
                - name: nowhere
                  port: 80
            """);

        Assert.That(xds.Routes.Single().VirtualHosts.Single().Routes.Single().DirectResponse.Status, Is.EqualTo(500));
        Assert.That(xds.Clusters, Is.Empty);
        Assert.That(xds.Warnings, Has.Some.Contains("default/nowhere does not exist"));
    }
}
