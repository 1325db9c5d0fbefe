using System.Linq;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Extensions.Upstreams.Http.V3;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

public class FeatureTests
{
    private const string TwoRoutes = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: route-a
          namespace: default
        spec:
          parentRefs:
          - name: eg
          rules:
          - backendRefs:
            - name: a
              port: 80
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: route-b
          namespace: default
        spec:
          parentRefs:
          - name: eg
          rules:
          - backendRefs:
            - name: b
              port: 80
        """;

    private static string Btp(string name, string targetKind, string targetName, string spec) => $"""
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: BackendTrafficPolicy
        metadata:
          name: {name}
          namespace: default
        spec:
          targetRefs:
          - group: gateway.networking.k8s.io
            kind: {targetKind}
            name: {targetName}
        {spec}
        """;

    [Test]
    public void Gateway_circuit_breaker_reaches_every_rule_cluster_and_a_route_policy_replaces_it()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80"), TwoRoutes,
            Inputs.Service("a", 80, "10.0.0.1"), Inputs.Service("b", 80, "10.0.0.2"),
            Btp("gw", "Gateway", "eg", "  circuitBreaker:\n    maxConnections: 300\n    maxRequestsPerConnection: 7\n    perEndpoint:\n      maxConnections: 5"),
            Btp("route", "HTTPRoute", "route-b", "  circuitBreaker:\n    maxParallelRetries: 9"));

        var a = xds.Clusters.Single(c => c.Name == "httproute/default/route-a/rule/0");
        Assert.That(a.CircuitBreakers.Thresholds.Single().MaxConnections, Is.EqualTo(300));
        Assert.That(a.CircuitBreakers.Thresholds.Single().MaxRetries, Is.EqualTo(1024));
        Assert.That(a.CircuitBreakers.PerHostThresholds.Single().MaxConnections, Is.EqualTo(5));
        var options = a.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<HttpProtocolOptions>();
        Assert.That(options.CommonHttpProtocolOptions.MaxRequestsPerConnection, Is.EqualTo(7));

        var b = xds.Clusters.Single(c => c.Name == "httproute/default/route-b/rule/0");
        Assert.That(b.CircuitBreakers.Thresholds.Single().MaxRetries, Is.EqualTo(9));
        Assert.That(b.CircuitBreakers.Thresholds.Single().MaxConnections, Is.Null);
        Assert.That(b.TypedExtensionProtocolOptions, Is.Empty);
    }

    [Test]
    public void Client_timeouts_land_on_the_hcm_and_a_stream_idle_timeout_drops_the_route_idle_timeout()
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
                - name: a
                  port: 80
                timeouts:
                  request: 5s
            ---
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: ClientTrafficPolicy
            metadata:
              name: timeouts
              namespace: default
            spec:
              targetRefs:
              - group: gateway.networking.k8s.io
                kind: Gateway
                name: eg
              timeout:
                tcp:
                  connectionInspectionTimeout: 3s
                http:
                  requestReceivedTimeout: 10s
                  idleTimeout: 250ms
                  streamIdleTimeout: 1m
            """, Inputs.Service("a", 80, "10.0.0.1"));

        var listener = xds.Listeners.Single();
        Assert.That(listener.ListenerFiltersTimeout.Seconds, Is.EqualTo(3));
        var hcm = listener.DefaultFilterChain.Filters.Single().TypedConfig.Unpack<HttpConnectionManager>();
        Assert.That(hcm.RequestTimeout.Seconds, Is.EqualTo(10));
        Assert.That(hcm.CommonHttpProtocolOptions.IdleTimeout.Nanos, Is.EqualTo(250_000_000));
        Assert.That(hcm.StreamIdleTimeout.Seconds, Is.EqualTo(60));
        var action = xds.Routes.Single().VirtualHosts.Single().Routes.Single().Route_;
        Assert.That(action.Timeout.Seconds, Is.EqualTo(5));
        Assert.That(action.IdleTimeout, Is.Null);
    }

    [Test]
    public void Client_tcp_idle_timeout_lands_on_the_tcp_proxy_only_for_the_targeted_listener()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass,
            Inputs.Gateway("eg", "- name: tcp\n  protocol: TCP\n  port: 9000\n- name: other\n  protocol: TCP\n  port: 9001"), """
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
            ---
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: ClientTrafficPolicy
            metadata:
              name: idle
              namespace: default
            spec:
              targetRefs:
              - group: gateway.networking.k8s.io
                kind: Gateway
                name: eg
                sectionName: tcp
              timeout:
                tcp:
                  idleTimeout: 30s
            """, Inputs.Service("db", 5432, "10.0.3.1"));

        TcpProxy Proxy(string listener) => xds.Listeners.Single(l => l.Name == listener).FilterChains.Single().Filters.Single().TypedConfig.Unpack<TcpProxy>();
        Assert.That(Proxy("default/eg/tcp").IdleTimeout.Seconds, Is.EqualTo(30));
        Assert.That(Proxy("default/eg/other").IdleTimeout, Is.Null);
    }
}
