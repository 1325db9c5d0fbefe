using System.Linq;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.BackendTraffic.Tests;

/// <summary>The IR pieces the xDS features read: httpUpgrade, tracing tags, backend utilization, DNS.</summary>
public class IrBuildTests
{
    private static BackendTrafficFeatureSet Build(string spec) =>
        BackendTrafficFeatures.BuildAll(Policies.FromSpec(spec), new FakeFeatureContext(), null, BackendTrafficOptions.Default);

    [Test]
    public void Http_upgrade_keeps_order_and_the_connect_terminate_flag()
    {
        var set = Build("httpUpgrade:\n- type: websocket\n- type: CONNECT\n  connect:\n    terminate: true\n- type: spdy/3.1");
        Assert.That(set.HttpUpgrade, Is.EqualTo(new[] { new HttpUpgradeIr("websocket", false), new HttpUpgradeIr("CONNECT", true), new HttpUpgradeIr("spdy/3.1", false) }));
        Assert.That(set.Errors.Any, Is.False);
    }

    [Test]
    public void Http_upgrade_unset_is_null_so_routes_keep_the_default()
    {
        Assert.That(Build("retry:\n  numRetries: 1").HttpUpgrade, Is.Null);
    }

    [Test]
    public void Custom_tags_are_sorted_by_name_with_their_type_specific_source()
    {
        var telemetry = Build("""
            telemetry:
              tracing:
                customTags:
                  zeta:
                    type: RequestHeader
                    requestHeader:
                      name: x-user
                      defaultValue: anonymous
                  alpha:
                    type: Literal
                    literal:
                      value: v1
                  mid:
                    type: Environment
                    environment:
                      name: POD
            """).Telemetry!;
        Assert.That(telemetry.Tracing, Is.True);
        Assert.That(telemetry.CustomTags, Is.EqualTo(new[]
        {
            new CustomTagIr("alpha", "Literal", "v1", null, null),
            new CustomTagIr("mid", "Environment", null, "POD", null),
            new CustomTagIr("zeta", "RequestHeader", null, "x-user", "anonymous"),
        }));
    }

    [Test]
    public void Metrics_without_tracing_do_not_ask_for_route_tracing()
    {
        var telemetry = Build("telemetry:\n  metrics:\n    routeStatName: '%ROUTE_NAME%'").Telemetry!;
        Assert.That(telemetry.Tracing, Is.False);
        Assert.That(telemetry.RouteStatName, Is.EqualTo("%ROUTE_NAME%"));
    }

    [Test]
    public void Backend_utilization_reads_durations_penalty_and_out_of_band_settings()
    {
        var lb = Build("""
            loadBalancer:
              type: BackendUtilization
              backendUtilization:
                blackoutPeriod: 10s
                weightExpirationPeriod: 1m
                weightUpdatePeriod: 500ms
                errorUtilizationPenaltyPercent: 150
                metricNamesForComputingUtilization: [cpu_utilization]
                outOfBand:
                  reportingPeriod: 5s
                  port: 9000
            """).LoadBalancer!;
        var utilization = lb.BackendUtilization!;
        Assert.That(utilization.BlackoutPeriodNanoseconds, Is.EqualTo(10_000_000_000L));
        Assert.That(utilization.WeightExpirationPeriodNanoseconds, Is.EqualTo(60_000_000_000L));
        Assert.That(utilization.WeightUpdatePeriodNanoseconds, Is.EqualTo(500_000_000L));
        Assert.That(utilization.ErrorUtilizationPenaltyPercent, Is.EqualTo(150));
        Assert.That(utilization.KeepResponseHeaders, Is.False);
        Assert.That(utilization.MetricNames.Single(), Is.EqualTo("cpu_utilization"));
        Assert.That(utilization.OutOfBand, Is.True);
        Assert.That(utilization.OutOfBandReportingPeriodNanoseconds, Is.EqualTo(5_000_000_000L));
        Assert.That(utilization.OutOfBandPort, Is.EqualTo(9000));
    }

    [Test]
    public void Weighted_zones_keep_their_order_and_weights()
    {
        var zone = Build("loadBalancer:\n  type: RoundRobin\n  zoneAware:\n    weightedZones:\n    - zone: b\n      weight: 20\n    - zone: a\n      weight: 70").LoadBalancer!.ZoneAware!;
        Assert.That(zone.PreferLocal, Is.False);
        Assert.That(zone.WeightedZones.Select(z => (z.Key, z.Value)), Is.EqualTo(new[] { ("b", 20), ("a", 70) }));
    }

    [Test]
    public void Dns_settings_are_copied_with_the_refresh_rate_in_nanoseconds()
    {
        var dns = Build("dns:\n  dnsRefreshRate: 5s\n  respectDnsTtl: false\n  lookupFamily: IPv6Preferred").Dns;
        Assert.That(dns, Is.EqualTo(new DnsIr(5_000_000_000L, false, "IPv6Preferred")));
    }
}
