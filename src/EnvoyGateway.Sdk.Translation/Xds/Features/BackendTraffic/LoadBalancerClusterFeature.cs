using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Extensions.LoadBalancingPolicies.Common.V3;
using Envoy.Extensions.LoadBalancingPolicies.LeastRequest.V3;
using Envoy.Extensions.LoadBalancingPolicies.Maglev.V3;
using Envoy.Extensions.LoadBalancingPolicies.RoundRobin.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;
using RandomLb = Envoy.Extensions.LoadBalancingPolicies.Random.V3.Random;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>loadBalancer</c> → <c>Cluster.load_balancing_policy</c> (envoy-mapping.md §1): LeastRequest
/// (the default), RoundRobin and Random with locality-weighted balancing and the slow-start window; ConsistentHash →
/// Maglev (table size only when set; the route or TCP proxy carries the hash policy); zoneAware.preferLocal →
/// zone-aware balancing (minimum cluster size 6, routing enabled 100%).
/// </summary>
internal sealed class LoadBalancerClusterFeature : IClusterFeature, IIrFeature
{
    public const string RoundRobinPolicy = "envoy.load_balancing_policies.round_robin";
    public const string RandomPolicy = "envoy.load_balancing_policies.random";
    public const string MaglevPolicy = "envoy.load_balancing_policies.maglev";

    public string Name => "btp.loadBalancer";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var traffic in BackendTrafficGaps.PolicySets(gateway))
        {
            if (traffic.LoadBalancer?.ZoneAware is not { } zone)
            {
                continue;
            }

            if (zone.ForceMinEndpointsInZone is not null)
            {
                BackendTrafficGaps.MissingField(gateway, traffic, "envoy.extensions.load_balancing_policies.common.v3.LocalityLbConfig.ZoneAwareLbConfig",
                    "force_local_zone", "loadBalancer.zoneAware.preferLocal.force");
            }

            if (zone.WeightedZones.Count > 0)
            {
                BackendTrafficGaps.NotTranslated(gateway, traffic, "loadBalancer.zoneAware.weightedZones", "endpoint zones are not part of the xDS IR");
            }
        }
    }

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.LoadBalancer is not { } lb)
        {
            return;
        }

        var locality = Locality(lb.ZoneAware);
        var slowStart = lb.SlowStartWindowNanoseconds is { } window ? new SlowStartConfig { SlowStartWindow = ProtoDefaults.Nanos(window) } : null;
        var (name, config) = lb.Type switch
        {
            "RoundRobin" => (RoundRobinPolicy, Any.Pack(new RoundRobin { LocalityLbConfig = locality, SlowStartConfig = slowStart })),
            "Random" => (RandomPolicy, Any.Pack(new RandomLb { LocalityLbConfig = locality })),
            "ConsistentHash" => (MaglevPolicy, Any.Pack(Maglev(lb.ConsistentHash))),
            _ => (ClusterTranslator.LeastRequestPolicy, Any.Pack(new LeastRequest { LocalityLbConfig = locality, SlowStartConfig = slowStart })),
        };
        cluster.LoadBalancingPolicy = new LoadBalancingPolicy
        {
            Policies = { new LoadBalancingPolicy.Types.Policy { TypedExtensionConfig = new TypedExtensionConfig { Name = name, TypedConfig = config } } },
        };
    }

    private static Maglev Maglev(ConsistentHashIr? hash)
    {
        var maglev = new Maglev();
        if (hash?.TableSize is { } size)
        {
            maglev.TableSize = (ulong)size;
        }

        return maglev;
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
