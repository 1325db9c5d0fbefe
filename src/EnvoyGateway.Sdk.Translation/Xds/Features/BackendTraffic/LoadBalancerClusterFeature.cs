using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Extensions.LoadBalancingPolicies.ClientSideWeightedRoundRobin.V3;
using Envoy.Extensions.LoadBalancingPolicies.Common.V3;
using Envoy.Extensions.LoadBalancingPolicies.LeastRequest.V3;
using Envoy.Extensions.LoadBalancingPolicies.Maglev.V3;
using Envoy.Extensions.LoadBalancingPolicies.RoundRobin.V3;
using Envoy.Extensions.LoadBalancingPolicies.WrrLocality.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;
using RandomLb = Envoy.Extensions.LoadBalancingPolicies.Random.V3.Random;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>loadBalancer</c> → <c>Cluster.load_balancing_policy</c> (envoy-mapping.md §1): LeastRequest
/// (the default), RoundRobin and Random with locality-weighted balancing and the slow-start window; ConsistentHash →
/// Maglev (table size only when set; locality weights only with weightedZones; the route or TCP proxy carries the hash
/// policy); BackendUtilization → client-side weighted round robin (wrapped in WrrLocality with weightedZones);
/// zoneAware.preferLocal → zone-aware balancing (minimum cluster size 6, routing enabled 100%). Zone-aware policies
/// regroup the endpoints by zone (<see cref="ZoneLocalities"/>).
/// </summary>
internal sealed class LoadBalancerClusterFeature : IClusterFeature, IIrFeature
{
    public const string RoundRobinPolicy = "envoy.load_balancing_policies.round_robin";
    public const string RandomPolicy = "envoy.load_balancing_policies.random";
    public const string MaglevPolicy = "envoy.load_balancing_policies.maglev";
    public const string ClientSideWeightedRoundRobinPolicy = "envoy.load_balancing_policies.client_side_weighted_round_robin";
    public const string WrrLocalityPolicy = "envoy.load_balancing_policies.wrr_locality";

    private const string ZoneAwareMessage = "envoy.extensions.load_balancing_policies.common.v3.LocalityLbConfig.ZoneAwareLbConfig";
    private const string CswrrMessage = "envoy.extensions.load_balancing_policies.client_side_weighted_round_robin.v3.ClientSideWeightedRoundRobin";

    public string Name => "btp.loadBalancer";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var traffic in BackendTrafficGaps.PolicySets(gateway))
        {
            foreach (var (message, field, policyField) in MissingFields(traffic.LoadBalancer))
            {
                BackendTrafficGaps.MissingField(gateway, traffic, message, field, policyField);
            }
        }

        foreach (var destination in BackendTrafficGaps.Destinations(gateway))
        {
            if (ZoneLocalities.Problem(destination) is { } problem)
            {
                BackendTrafficGaps.Warn(gateway, problem);
            }
        }
    }

    /// <summary>
    /// The settings of <paramref name="lb"/> whose Envoy field the compiled API lacks, as (message, field, policy field):
    /// forced local zone, and the utilization metric names, slow start and out-of-band endpoint of backend utilization.
    /// </summary>
    public static IEnumerable<(string Message, string Field, string PolicyField)> MissingFields(LoadBalancerIr? lb)
    {
        if (lb?.ZoneAware?.ForceMinEndpointsInZone is not null)
        {
            yield return (ZoneAwareMessage, "force_local_zone", "loadBalancer.zoneAware.preferLocal.force");
        }

        if (lb?.BackendUtilization is not { } utilization)
        {
            yield break;
        }

        if (utilization.MetricNames.Count > 0)
        {
            yield return (CswrrMessage, "metric_names_for_computing_utilization", "loadBalancer.backendUtilization.metricNamesForComputingUtilization");
        }

        if (lb.SlowStartWindowNanoseconds is not null)
        {
            yield return (CswrrMessage, "slow_start_config", "loadBalancer.slowStart (BackendUtilization)");
        }

        if (utilization.OutOfBandPort is not null || utilization.OutOfBandAuthority is not null)
        {
            yield return (CswrrMessage, "oob_reporting_config", "loadBalancer.backendUtilization.outOfBand port/authority");
        }
    }

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.LoadBalancer is not { } lb)
        {
            return;
        }

        var weightedZones = lb.ZoneAware?.WeightedZones.Count > 0;
        var locality = Locality(lb.ZoneAware);
        var slowStart = lb.SlowStartWindowNanoseconds is { } window ? new SlowStartConfig { SlowStartWindow = ProtoDefaults.Nanos(window) } : null;
        var (name, config) = lb.Type switch
        {
            "RoundRobin" => (RoundRobinPolicy, Any.Pack(new RoundRobin { LocalityLbConfig = locality, SlowStartConfig = slowStart })),
            "Random" => (RandomPolicy, Any.Pack(new RandomLb { LocalityLbConfig = locality })),
            "ConsistentHash" => (MaglevPolicy, Any.Pack(Maglev(lb.ConsistentHash, weightedZones))),
            "BackendUtilization" when weightedZones => (WrrLocalityPolicy, Any.Pack(new WrrLocality
            {
                EndpointPickingPolicy = Policy(ClientSideWeightedRoundRobinPolicy, Any.Pack(Cswrr(lb.BackendUtilization))),
            })),
            "BackendUtilization" => (ClientSideWeightedRoundRobinPolicy, Any.Pack(Cswrr(lb.BackendUtilization))),
            _ => (ClusterTranslator.LeastRequestPolicy, Any.Pack(new LeastRequest { LocalityLbConfig = locality, SlowStartConfig = slowStart })),
        };
        cluster.LoadBalancingPolicy = Policy(name, config);
    }

    public void PatchEndpoints(DestinationIr destination, ClusterLoadAssignment assignment)
    {
        if (ZoneLocalities.Build(destination) is { } localities)
        {
            assignment.Endpoints.Clear();
            assignment.Endpoints.AddRange(localities);
        }
    }

    private static LoadBalancingPolicy Policy(string name, Any config) => new()
    {
        Policies = { new LoadBalancingPolicy.Types.Policy { TypedExtensionConfig = new TypedExtensionConfig { Name = name, TypedConfig = config } } },
    };

    private static Maglev Maglev(ConsistentHashIr? hash, bool weightedZones)
    {
        var maglev = new Maglev();
        if (hash?.TableSize is { } size)
        {
            maglev.TableSize = (ulong)size;
        }

        if (weightedZones)
        {
            maglev.LocalityWeightedLbConfig = new LocalityLbConfig.Types.LocalityWeightedLbConfig();
        }

        return maglev;
    }

    // Only what the policy sets: Envoy's defaults (blackout 10s, expiration 3m, update 1s) are the CRD's defaults.
    private static ClientSideWeightedRoundRobin Cswrr(BackendUtilizationIr? utilization)
    {
        var cswrr = new ClientSideWeightedRoundRobin();
        if (utilization is null)
        {
            return cswrr;
        }

        if (utilization.BlackoutPeriodNanoseconds is { } blackout)
        {
            cswrr.BlackoutPeriod = ProtoDefaults.Nanos(blackout);
        }

        if (utilization.WeightExpirationPeriodNanoseconds is { } expiration)
        {
            cswrr.WeightExpirationPeriod = ProtoDefaults.Nanos(expiration);
        }

        if (utilization.WeightUpdatePeriodNanoseconds is { } update)
        {
            cswrr.WeightUpdatePeriod = ProtoDefaults.Nanos(update);
        }

        if (utilization.ErrorUtilizationPenaltyPercent is { } penalty)
        {
            cswrr.ErrorUtilizationPenalty = penalty / 100f;
        }

        if (utilization.OutOfBand)
        {
            cswrr.EnableOobLoadReport = true;
            if (utilization.OutOfBandReportingPeriodNanoseconds is { } period)
            {
                cswrr.OobReportingPeriod = ProtoDefaults.Nanos(period);
            }
        }

        return cswrr;
    }

    private static LocalityLbConfig Locality(ZoneAwareIr? zone)
    {
        if (zone is not { PreferLocal: true })
        {
            return new LocalityLbConfig { LocalityWeightedLbConfig = new LocalityLbConfig.Types.LocalityWeightedLbConfig() };
        }

        return new LocalityLbConfig
        {
            ZoneAwareLbConfig = new LocalityLbConfig.Types.ZoneAwareLbConfig
            {
                MinClusterSize = (ulong)(zone.PreferLocalMinEndpoints ?? 6),
                RoutingEnabled = new global::Envoy.Type.V3.Percent { Value = zone.PreferLocalPercentage ?? 100 },
            },
        };
    }
}
