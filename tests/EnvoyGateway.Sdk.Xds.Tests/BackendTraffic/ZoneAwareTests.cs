using System.Linq;
using Envoy.Config.Endpoint.V3;
using Envoy.Extensions.LoadBalancingPolicies.ClientSideWeightedRoundRobin.V3;
using Envoy.Extensions.LoadBalancingPolicies.Maglev.V3;
using Envoy.Extensions.LoadBalancingPolicies.RoundRobin.V3;
using Envoy.Extensions.LoadBalancingPolicies.WrrLocality.V3;
using EnvoyGateway.Sdk.Translation.Xds;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

/// <summary>loadBalancer.zoneAware (weightedZones, preferLocal) with endpoint zones, and BackendUtilization (CSWRR).</summary>
public class ZoneAwareTests
{
    private const string WeightedZones = "zoneAware:\n    weightedZones:\n    - zone: us-east-1a\n      weight: 70\n    - zone: us-east-1b\n      weight: 20";

    private static readonly string ZonedService = BackendInputs.Service("app", "IPv4",
        [("10.0.0.1", "us-east-1b"), ("10.0.0.2", "us-east-1a"), ("10.0.0.3", "us-west-2a"), ("10.0.0.4", "us-east-1a")]);

    private static ClusterLoadAssignment Assignment(GatewayXdsResources xds) => xds.Endpoints.Single(e => e.ClusterName == BackendInputs.ClusterName);

    [Test]
    public void Weighted_zones_give_one_weighted_locality_per_zone_sorted_by_zone()
    {
        var xds = BackendInputs.Translate("loadBalancer:\n  type: RoundRobin\n  " + WeightedZones, ZonedService);
        var localities = Assignment(xds).Endpoints;
        Assert.That(localities.Select(l => l.Locality.Zone), Is.EqualTo(new[] { "us-east-1a", "us-east-1b", "us-west-2a" }));
        Assert.That(localities.Select(l => l.LoadBalancingWeight), Is.EqualTo(new uint?[] { 70, 20, 1 }), "an unlisted zone weighs 1");
        Assert.That(localities.Select(l => l.Locality.Region), Is.All.Empty);
        Assert.That(localities[0].LbEndpoints.Select(e => e.Endpoint.Address.SocketAddress.Address), Is.EqualTo(new[] { "10.0.0.2", "10.0.0.4" }));
        Assert.That(localities.SelectMany(l => l.LbEndpoints).Select(e => e.LoadBalancingWeight), Is.All.EqualTo(1));
        var roundRobin = xds.Cluster().LoadBalancingPolicy.Policies.Single().TypedExtensionConfig.TypedConfig.Unpack<RoundRobin>();
        Assert.That(roundRobin.LocalityLbConfig.LocalityWeightedLbConfig, Is.Not.Null);
        Assert.That(xds.Warnings, Has.None.Contains("weightedZones"));
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void Without_zone_awareness_the_backend_is_one_locality_whatever_the_zones()
    {
        var localities = Assignment(BackendInputs.Translate("loadBalancer:\n  type: RoundRobin", ZonedService)).Endpoints;
        Assert.That(localities.Single().Locality.Region, Is.EqualTo(BackendInputs.ClusterName + "/backend/0"));
        Assert.That(localities.Single().Locality.Zone, Is.Empty);
        Assert.That(localities.Single().LbEndpoints, Has.Count.EqualTo(4));
    }

    [Test]
    public void Prefer_local_groups_by_zone_without_locality_weights()
    {
        var xds = BackendInputs.Translate("loadBalancer:\n  type: LeastRequest\n  zoneAware:\n    preferLocal:\n      minEndpointsThreshold: 2", ZonedService);
        var localities = Assignment(xds).Endpoints;
        Assert.That(localities.Select(l => l.Locality.Zone), Is.EqualTo(new[] { "us-east-1a", "us-east-1b", "us-west-2a" }));
        Assert.That(localities.Select(l => l.LoadBalancingWeight), Is.All.Null);
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void Maglev_gets_locality_weights_only_with_weighted_zones()
    {
        const string Hash = "loadBalancer:\n  type: ConsistentHash\n  consistentHash:\n    type: SourceIP";
        var weighted = BackendInputs.Translate(Hash + "\n  " + WeightedZones, ZonedService).Cluster().LoadBalancingPolicy.Policies.Single().TypedExtensionConfig;
        Assert.That(weighted.TypedConfig.Unpack<Maglev>().LocalityWeightedLbConfig, Is.Not.Null);
        var plain = BackendInputs.Translate(Hash, ZonedService).Cluster().LoadBalancingPolicy.Policies.Single().TypedExtensionConfig;
        Assert.That(plain.TypedConfig.Unpack<Maglev>().LocalityWeightedLbConfig, Is.Null);
    }

    [Test]
    public void Backend_utilization_with_weighted_zones_wraps_cswrr_in_wrr_locality()
    {
        var xds = BackendInputs.Translate("""
            loadBalancer:
              type: BackendUtilization
              backendUtilization:
                blackoutPeriod: 20s
                errorUtilizationPenaltyPercent: 150
              zoneAware:
                weightedZones:
                - zone: us-east-1a
                  weight: 3
            """, ZonedService);
        var policy = xds.Cluster().LoadBalancingPolicy.Policies.Single().TypedExtensionConfig;
        Assert.That(policy.Name, Is.EqualTo("envoy.load_balancing_policies.wrr_locality"));
        var picking = policy.TypedConfig.Unpack<WrrLocality>().EndpointPickingPolicy.Policies.Single().TypedExtensionConfig;
        Assert.That(picking.Name, Is.EqualTo("envoy.load_balancing_policies.client_side_weighted_round_robin"));
        var cswrr = picking.TypedConfig.Unpack<ClientSideWeightedRoundRobin>();
        Assert.That(cswrr.BlackoutPeriod.Seconds, Is.EqualTo(20));
        Assert.That(cswrr.ErrorUtilizationPenalty, Is.EqualTo(1.5f));
        Assert.That(cswrr.WeightUpdatePeriod, Is.Null, "unset: Envoy's default");
        Assert.That(cswrr.EnableOobLoadReport, Is.Null);
        Assert.That(Assignment(xds).Endpoints.Select(l => l.LoadBalancingWeight), Is.EqualTo(new uint?[] { 3, 1, 1 }));
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void Backend_utilization_alone_is_cswrr_and_strips_load_report_headers_unless_kept()
    {
        var xds = BtpInputs.Translate("loadBalancer:\n  type: BackendUtilization\n  backendUtilization:\n    outOfBand:\n      reportingPeriod: 5s\n    metricNamesForComputingUtilization: [named_metrics.foo]");
        var policy = xds.Cluster().LoadBalancingPolicy.Policies.Single().TypedExtensionConfig;
        Assert.That(policy.Name, Is.EqualTo("envoy.load_balancing_policies.client_side_weighted_round_robin"));
        var cswrr = policy.TypedConfig.Unpack<ClientSideWeightedRoundRobin>();
        Assert.That(cswrr.EnableOobLoadReport, Is.True);
        Assert.That(cswrr.OobReportingPeriod.Seconds, Is.EqualTo(5));
        Assert.That(xds.Route().ResponseHeadersToRemove, Is.EqualTo(new[] { "endpoint-load-metrics", "endpoint-load-metrics-bin" }));
        Assert.That(xds.Warnings, Has.One.Contains("ClientSideWeightedRoundRobin.metric_names_for_computing_utilization"));
        BackendInputs.AssertPgvValid(xds);

        var kept = BtpInputs.Translate("loadBalancer:\n  type: BackendUtilization\n  backendUtilization:\n    keepResponseHeaders: true");
        Assert.That(kept.Route().ResponseHeadersToRemove, Is.Empty);
    }

    [Test]
    public void Weighted_zones_across_backends_keep_each_backends_share()
    {
        var other = BackendInputs.Service("other", "IPv4", [("10.0.1.1", "us-east-1a")]);
        var xds = BackendInputs.Translate("loadBalancer:\n  type: RoundRobin\n  " + WeightedZones, [("app", 3), ("other", 1)], ZonedService, other);
        var localities = Assignment(xds).Endpoints;
        Assert.That(localities.Select(l => (l.Locality.Region, l.Locality.Zone)), Is.EqualTo(new[]
        {
            (BackendInputs.ClusterName + "/backend/0", "us-east-1a"),
            (BackendInputs.ClusterName + "/backend/0", "us-east-1b"),
            (BackendInputs.ClusterName + "/backend/0", "us-west-2a"),
            (BackendInputs.ClusterName + "/backend/1", "us-east-1a"),
        }));
        var weights = localities.Select(l => (double)l.LoadBalancingWeight!.Value).ToArray();
        var app = weights[0] + weights[1] + weights[2];
        Assert.That(app / weights[3], Is.EqualTo(3.0).Within(1e-9), "backend weights 3:1 survive the zone split");
        Assert.That(weights[0] / weights[1], Is.EqualTo(70.0 / 20.0).Within(1e-9), "zones split a backend's share 70:20:1");
        Assert.That(weights[1] / weights[2], Is.EqualTo(20.0).Within(1e-9));
        Assert.That(xds.Warnings, Has.One.Contains("gives each backend its own cluster"));
        BackendInputs.AssertPgvValid(xds);
    }
}
