using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Route.V3;
using EnvoyGateway.Sdk.Translation.Xds;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

/// <summary>
/// <c>RouteAction.timeout</c> from every source (envoy-mapping.md §1): a BackendTrafficPolicy's
/// <c>timeout.http.requestTimeout</c> at route, listener, ListenerSet and Gateway level and merged, and the HTTPRoute
/// rule's <c>timeouts</c>, which win over any policy.
/// </summary>
public class RequestTimeoutTests
{
    // Two HTTP listeners; HTTPRoute "web" on both with rules: none, request 15s, backendRequest 5s, both; GRPCRoute "grpc".
    private static readonly string[] Base =
    [
        Inputs.GatewayClass,
        Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80\n- name: admin\n  protocol: HTTP\n  port: 8080"),
        Inputs.Service("app", 3000, "10.0.0.1"),
        """
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
            - {name: app, port: 3000}
          - matches:
            - path: {type: PathPrefix, value: /request}
            backendRefs:
            - {name: app, port: 3000}
            timeouts:
              request: 15s
          - matches:
            - path: {type: PathPrefix, value: /backend}
            backendRefs:
            - {name: app, port: 3000}
            timeouts:
              backendRequest: 5s
          - matches:
            - path: {type: PathPrefix, value: /both}
            backendRefs:
            - {name: app, port: 3000}
            timeouts:
              request: 20s
              backendRequest: 7s
        """,
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata:
          name: grpc
          namespace: default
        spec:
          parentRefs:
          - name: eg
          hostnames: [grpc.example.com]
          rules:
          - matches:
            - method: {service: foo.Bar}
            backendRefs:
            - {name: app, port: 3000}
        """,
    ];

    private const string RouteTargets = "[{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}, {group: gateway.networking.k8s.io, kind: GRPCRoute, name: grpc}]";

    [Test]
    public void Without_a_policy_only_the_route_rule_timeouts_set_a_timeout_and_backend_request_overrides_request()
    {
        var timeouts = Timeouts(Inputs.TranslateOne(Base));

        foreach (var listener in new[] { "http", "admin" })
        {
            Assert.That(timeouts[(listener, "httproute/default/web/rule/0")], Is.Null);
            Assert.That(timeouts[(listener, "httproute/default/web/rule/1")], Is.EqualTo(15));
            Assert.That(timeouts[(listener, "httproute/default/web/rule/2")], Is.EqualTo(5), "backendRequest alone sets the route timeout");
            Assert.That(timeouts[(listener, "httproute/default/web/rule/3")], Is.EqualTo(7), "Envoy Gateway lets backendRequest overwrite request");
            Assert.That(timeouts[(listener, "grpcroute/default/grpc/rule/0")], Is.Null);
        }
    }

    [Test]
    public void Backend_request_alone_also_raises_the_idle_timeout_to_an_hour()
    {
        var route = Route(Inputs.TranslateOne(Base), "http", "httproute/default/web/rule/2");

        Assert.That(route.Route_.IdleTimeout.Seconds, Is.EqualTo(3600));
    }

    [Test]
    public void A_route_level_policy_sets_every_rule_without_its_own_timeouts_on_every_listener_grpc_included()
    {
        var timeouts = Timeouts(Inputs.TranslateOne([.. Base, Policy("route", RouteTargets, "timeout: {http: {requestTimeout: 43s}}")]));

        foreach (var listener in new[] { "http", "admin" })
        {
            Assert.That(timeouts[(listener, "httproute/default/web/rule/0")], Is.EqualTo(43));
            Assert.That(timeouts[(listener, "httproute/default/web/rule/1")], Is.EqualTo(15), "the rule's timeouts.request wins over the policy");
            Assert.That(timeouts[(listener, "httproute/default/web/rule/2")], Is.EqualTo(5), "so does timeouts.backendRequest");
            Assert.That(timeouts[(listener, "httproute/default/web/rule/3")], Is.EqualTo(7));
            Assert.That(timeouts[(listener, "grpcroute/default/grpc/rule/0")], Is.EqualTo(43));
        }
    }

    [Test]
    public void A_gateway_level_policy_reaches_the_routes_of_every_listener()
    {
        var timeouts = Timeouts(Inputs.TranslateOne([.. Base, Policy("gateway", "[{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]", "timeout: {http: {requestTimeout: 41s}}")]));

        Assert.That(timeouts[("http", "httproute/default/web/rule/0")], Is.EqualTo(41));
        Assert.That(timeouts[("admin", "httproute/default/web/rule/0")], Is.EqualTo(41));
        Assert.That(timeouts[("admin", "grpcroute/default/grpc/rule/0")], Is.EqualTo(41));
        Assert.That(timeouts[("admin", "httproute/default/web/rule/1")], Is.EqualTo(15));
    }

    [Test]
    public void A_listener_level_policy_reaches_only_the_routes_on_its_listener()
    {
        var timeouts = Timeouts(Inputs.TranslateOne([.. Base, Policy("listener", "[{group: gateway.networking.k8s.io, kind: Gateway, name: eg, sectionName: http}]", "timeout: {http: {requestTimeout: 42s}}")]));

        Assert.That(timeouts[("http", "httproute/default/web/rule/0")], Is.EqualTo(42));
        Assert.That(timeouts[("http", "grpcroute/default/grpc/rule/0")], Is.EqualTo(42));
        Assert.That(timeouts[("admin", "httproute/default/web/rule/0")], Is.Null);
        Assert.That(timeouts[("admin", "grpcroute/default/grpc/rule/0")], Is.Null);
    }

    [Test]
    public void A_route_policy_merged_into_a_listener_policy_keeps_the_listener_request_timeout_and_adds_its_own_fields()
    {
        var xds = Inputs.TranslateOne([.. Base,
            Policy("listener", "[{group: gateway.networking.k8s.io, kind: Gateway, name: eg, sectionName: http}]", "timeout: {http: {requestTimeout: 42s}}"),
            Policy("merge", RouteTargets, "mergeType: StrategicMerge\ntimeout: {http: {maxStreamDuration: 60s}}")]);
        var timeouts = Timeouts(xds);

        Assert.That(timeouts[("http", "httproute/default/web/rule/0")], Is.EqualTo(42));
        Assert.That(timeouts[("http", "grpcroute/default/grpc/rule/0")], Is.EqualTo(42));
        Assert.That(Route(xds, "http", "httproute/default/web/rule/0").Route_.MaxStreamDuration.MaxStreamDuration_.Seconds, Is.EqualTo(60));
        Assert.That(timeouts[("http", "httproute/default/web/rule/1")], Is.EqualTo(15));
        Assert.That(timeouts[("admin", "httproute/default/web/rule/0")], Is.Null, "nothing to merge into on the other listener");
        Assert.That(Route(xds, "admin", "httproute/default/web/rule/0").Route_.MaxStreamDuration.MaxStreamDuration_.Seconds, Is.EqualTo(60));
    }

    [Test]
    public void A_merged_request_timeout_of_the_route_policy_wins_over_the_gateway_one()
    {
        var timeouts = Timeouts(Inputs.TranslateOne([.. Base,
            Policy("gateway", "[{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]", "timeout: {http: {requestTimeout: 41s}}\nretry: {numRetries: 4}"),
            Policy("merge", RouteTargets, "mergeType: StrategicMerge\ntimeout: {http: {requestTimeout: 44s}}")]));

        Assert.That(timeouts[("http", "httproute/default/web/rule/0")], Is.EqualTo(44));
        Assert.That(timeouts[("admin", "grpcroute/default/grpc/rule/0")], Is.EqualTo(44));
        Assert.That(timeouts[("admin", "httproute/default/web/rule/2")], Is.EqualTo(5));
    }

    [Test]
    public void A_listener_set_policy_reaches_the_routes_attached_through_that_listener_set()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Service("app", 3000, "10.0.0.1"), """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: eg, namespace: default}
            spec:
              gatewayClassName: eg
              allowedListeners: {namespaces: {from: Same}}
              listeners:
              - {name: http, protocol: HTTP, port: 80}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: ListenerSet
            metadata: {name: extra, namespace: default}
            spec:
              parentRef: {name: eg}
              listeners:
              - {name: more, protocol: HTTP, port: 8081}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web, namespace: default}
            spec:
              parentRefs: [{kind: ListenerSet, name: extra}, {name: eg}]
              rules:
              - backendRefs: [{name: app, port: 3000}]
            """, Policy("set", "[{group: gateway.networking.k8s.io, kind: ListenerSet, name: extra}]", "timeout: {http: {requestTimeout: 45s}}"));
        var timeouts = Timeouts(xds);

        Assert.That(timeouts[("default/extra/more", "httproute/default/web/rule/0")], Is.EqualTo(45));
        Assert.That(timeouts[("http", "httproute/default/web/rule/0")], Is.Null);
    }

    /// <summary>Timeout seconds (null when unset) of every route, by (listener name after <c>default/eg/</c>, route name up to the match).</summary>
    private static Dictionary<(string Listener, string Rule), long?> Timeouts(GatewayXdsResources xds) =>
        xds.Routes.SelectMany(config => config.VirtualHosts.SelectMany(h => h.Routes).Select(r => (config.Name, Route: r)))
            .ToDictionary(x => (x.Name["default/eg/".Length..], x.Route.Name[..x.Route.Name.IndexOf("/match/", System.StringComparison.Ordinal)]),
                x => x.Route.Route_.Timeout?.Seconds);

    private static Route Route(GatewayXdsResources xds, string listener, string rule) =>
        xds.Routes.Single(c => c.Name == "default/eg/" + listener).VirtualHosts.SelectMany(h => h.Routes).Single(r => r.Name.StartsWith(rule + "/match/", System.StringComparison.Ordinal));

    private static string Policy(string name, string targets, string spec) => $"""
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: BackendTrafficPolicy
        metadata:
          name: {name}
          namespace: default
        spec:
          targetRefs: {targets}
        {string.Join("\n", spec.Split('\n').Select(l => "  " + l))}
        """;
}
