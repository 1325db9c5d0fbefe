using System.Linq;
using Envoy.Extensions.LoadBalancingPolicies.LeastRequest.V3;
using Envoy.Extensions.LoadBalancingPolicies.Maglev.V3;
using NUnit.Framework;
using RandomLb = Envoy.Extensions.LoadBalancingPolicies.Random.V3.Random;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

public class LoadBalancerTests
{
    [Test]
    public void Random_keeps_locality_weighting()
    {
        var policy = BtpInputs.Translate("loadBalancer:\n  type: Random").Cluster().LoadBalancingPolicy.Policies.Single().TypedExtensionConfig;
        Assert.That(policy.Name, Is.EqualTo("envoy.load_balancing_policies.random"));
        Assert.That(policy.TypedConfig.Unpack<RandomLb>().LocalityLbConfig.LocalityWeightedLbConfig, Is.Not.Null);
    }

    [Test]
    public void Least_request_with_slow_start_and_zone_aware_prefer_local()
    {
        var xds = BtpInputs.Translate("""
            loadBalancer:
              type: LeastRequest
              slowStart:
                window: 5s
              zoneAware:
                preferLocal:
                  minEndpointsThreshold: 3
                  percentageEnabled: 80
            """);
        var config = xds.Cluster().LoadBalancingPolicy.Policies.Single().TypedExtensionConfig.TypedConfig.Unpack<LeastRequest>();
        Assert.That(config.SlowStartConfig.SlowStartWindow.Seconds, Is.EqualTo(5));
        Assert.That(config.LocalityLbConfig.ZoneAwareLbConfig.MinClusterSize, Is.EqualTo(3));
        Assert.That(config.LocalityLbConfig.ZoneAwareLbConfig.RoutingEnabled.Value, Is.EqualTo(80));
    }

    [Test]
    public void Consistent_hash_by_cookie_hashes_the_route_and_uses_maglev_without_table_size()
    {
        var xds = BtpInputs.Translate("""
            loadBalancer:
              type: ConsistentHash
              consistentHash:
                type: Cookie
                cookie:
                  name: session
                  ttl: 60s
                  attributes:
                    SameSite: Strict
            """);
        var maglev = xds.Cluster().LoadBalancingPolicy.Policies.Single().TypedExtensionConfig;
        Assert.That(maglev.Name, Is.EqualTo("envoy.load_balancing_policies.maglev"));
        Assert.That(maglev.TypedConfig.Unpack<Maglev>().TableSize, Is.Null);
        var cookie = xds.Route().Route_.HashPolicy.Single().Cookie;
        Assert.That(cookie.Name, Is.EqualTo("session"));
        Assert.That(cookie.Ttl.Seconds, Is.EqualTo(60));
        Assert.That(cookie.Attributes.Single().Name, Is.EqualTo("SameSite"));
        Assert.That(cookie.Attributes.Single().Value, Is.EqualTo("Strict"));
    }

    [Test]
    public void Consistent_hash_by_headers_and_query_parameters_adds_one_hash_policy_each()
    {
        var headers = BtpInputs.Translate("loadBalancer:\n  type: ConsistentHash\n  consistentHash:\n    type: Headers\n    headers:\n    - name: a\n    - name: b").Route().Route_.HashPolicy;
        Assert.That(headers.Select(h => h.Header.HeaderName), Is.EqualTo(new[] { "a", "b" }));
        var query = BtpInputs.Translate("loadBalancer:\n  type: ConsistentHash\n  consistentHash:\n    type: QueryParams\n    queryParams:\n    - name: user").Route().Route_.HashPolicy;
        Assert.That(query.Single().QueryParameter.Name, Is.EqualTo("user"));
    }

    [Test]
    public void Force_local_zone_and_weighted_zones_are_reported_not_dropped_silently()
    {
        var xds = BtpInputs.Translate("""
            loadBalancer:
              type: RoundRobin
              zoneAware:
                preferLocal:
                  force:
                    minEndpointsInZoneThreshold: 2
            """);
        Assert.That(xds.Warnings, Has.Some.Contains("ZoneAwareLbConfig.force_local_zone").And.Contains("backendtrafficpolicy/default/policy"));
    }
}
