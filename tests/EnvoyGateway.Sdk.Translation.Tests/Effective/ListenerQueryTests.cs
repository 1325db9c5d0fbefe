using System.Collections.Generic;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Translation.Tests.Effective;

/// <summary>
/// The listeners of a Gateway (its own, then its ListenerSets') and of a route (those that accepted it), and the level a
/// ClientTrafficPolicy applies at on a ListenerSet listener.
/// </summary>
public sealed class ListenerQueryTests
{
    private static readonly PolicyResolution Resolution = PolicyResolver.Resolve(ResourceSet.FromYaml("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: eg}
        spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {namespace: infra, name: edge}
        spec:
          gatewayClassName: eg
          allowedListeners: {namespaces: {from: All}}
          listeners:
            - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}
            - {name: admin, protocol: HTTP, port: 8080}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: ListenerSet
        metadata: {namespace: apps, name: extra}
        spec:
          parentRef: {namespace: infra, name: edge}
          listeners:
            - {name: one, protocol: HTTP, port: 8081}
            - {name: two, protocol: HTTP, port: 8082}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {namespace: apps, name: shop}
        spec:
          parentRefs: [{kind: ListenerSet, name: extra, sectionName: two}, {namespace: infra, name: edge}]
          rules: [{backendRefs: [{name: shop, port: 8080}]}]
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: ClientTrafficPolicy
        metadata: {namespace: apps, name: whole-set}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: ListenerSet, name: extra}]
          timeout: {http: {idleTimeout: 7s}}
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: ClientTrafficPolicy
        metadata: {namespace: apps, name: section}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: ListenerSet, name: extra, sectionName: two}]
          timeout: {http: {idleTimeout: 9s}}
        """, "listeners.yaml"));

    [Test]
    public void A_gateway_lists_its_own_listeners_then_those_of_its_listener_sets()
    {
        Assert.That(Resolution.ListenersOf("infra", "edge"), Is.EqualTo(new[]
        {
            new ListenerRef("infra", "edge", "http"),
            new ListenerRef("infra", "edge", "admin"),
            new ListenerRef("infra", "edge", "one", "apps", "extra"),
            new ListenerRef("infra", "edge", "two", "apps", "extra"),
        }));
        Assert.Throws<KeyNotFoundException>(() => Resolution.ListenersOf("infra", "nope"));
    }

    [Test]
    public void A_route_lists_the_listeners_that_accepted_it_in_parent_ref_order()
    {
        // "admin" allows routes from its own namespace only, so the Gateway parentRef brings "http" alone.
        Assert.That(Resolution.AttachedListeners(RouteRuleRef.HttpRoute("apps", "shop")), Is.EqualTo(new[]
        {
            new ListenerRef("infra", "edge", "two", "apps", "extra"),
            new ListenerRef("infra", "edge", "http"),
        }));
        Assert.Throws<KeyNotFoundException>(() => Resolution.AttachedListeners(RouteRuleRef.HttpRoute("apps", "nope")));
    }

    [Test]
    public void A_whole_listener_set_client_traffic_policy_applies_at_listener_set_level_and_a_section_one_at_listener_level()
    {
        var one = Resolution.EffectiveClientTrafficPolicy(new ListenerRef("infra", "edge", "one", "apps", "extra"))!;
        var two = Resolution.EffectiveClientTrafficPolicy(new ListenerRef("infra", "edge", "two", "apps", "extra"))!;

        Assert.That((one.Winner.Name, one.Level), Is.EqualTo(("whole-set", AttachmentLevel.ListenerSet)));
        Assert.That((two.Winner.Name, two.Level), Is.EqualTo(("section", AttachmentLevel.ListenerSetListener)));
    }
}
