using System;
using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// Endpoints grouped by zone for <c>loadBalancer.zoneAware</c> (envoy-mapping.md §1): one
/// <c>LocalityLbEndpoints{locality.zone}</c> per EndpointSlice endpoint <c>zone</c>, sorted by zone; with
/// <c>weightedZones</c> each carries its zone's weight (unlisted zones 1; a weight of 0 or less gives the zone no weight,
/// which locality-weighted balancing treats as no traffic).
/// </summary>
/// <remarks>
/// Envoy Gateway gives every backend of a zone-aware rule its own cluster. This translator keeps one cluster per rule,
/// so with several backends each locality is a backend × zone (<c>region</c> = <c>&lt;cluster&gt;/backend/&lt;i&gt;</c>,
/// as Envoy requires distinct localities) weighted so that every backend keeps its share and splits it by zone weight.
/// </remarks>
internal static class ZoneLocalities
{
    /// <summary>The zone localities of <paramref name="destination"/>, or null when its policy is not zone aware (or the weights cannot be expressed).</summary>
    public static IReadOnlyList<LocalityLbEndpoints>? Build(DestinationIr destination)
    {
        if (ZoneAware(destination) is not { } zone)
        {
            return null;
        }

        var weighted = zone.WeightedZones.Count > 0;
        if (destination.Backends.Count == 1)
        {
            return Zones(destination.Backends[0]).Select(z => Locality(null, z.Key, z.Value, weighted ? ZoneWeight(zone, z.Key) : null)).ToList();
        }

        var scale = weighted ? BackendScales(destination, zone) : null;
        if (weighted && scale is null)
        {
            return null;
        }

        var localities = new List<LocalityLbEndpoints>();
        foreach (var backend in destination.Backends)
        {
            var region = XdsNames.Locality(destination.Name, backend.Index);
            foreach (var (name, endpoints) in Zones(backend))
            {
                long? weight = backend.Weight;
                if (weighted)
                {
                    weight = ZoneWeight(zone, name) is { } w ? backend.Weight * w * scale![backend.Index] : null;
                }

                localities.Add(Locality(region, name, endpoints, weight));
            }
        }

        return localities;
    }

    /// <summary>
    /// What to tell the user about <paramref name="destination"/>'s zone localities under <paramref name="traffic"/>
    /// (default: the destination's own policy), or null.
    /// </summary>
    public static string? Problem(DestinationIr destination, BackendTrafficFeatureSet? traffic = null)
    {
        if (ZoneAware(traffic ?? destination.Traffic) is not { } zone || destination.Backends.Count < 2)
        {
            return null;
        }

        if (zone.WeightedZones.Count > 0 && BackendScales(destination, zone) is null)
        {
            return $"cluster {destination.Name}: loadBalancer.zoneAware.weightedZones across {destination.Backends.Count} backends gives locality weights beyond Envoy's 32-bit total; the endpoints stay grouped per backend.";
        }

        return $"cluster {destination.Name}: loadBalancer.zoneAware with {destination.Backends.Count} backends: Envoy Gateway gives each backend its own cluster; here one cluster has a locality per backend and zone (region <cluster>/backend/<i>).";
    }

    private static ZoneAwareIr? ZoneAware(DestinationIr destination) => ZoneAware(destination.Traffic);

    private static ZoneAwareIr? ZoneAware(BackendTrafficFeatureSet? traffic) =>
        traffic?.LoadBalancer?.ZoneAware is { } zone && (zone.PreferLocal || zone.WeightedZones.Count > 0) ? zone : null;

    // The backend's endpoints by zone ("" for endpoints without one), zones in ordinal order.
    private static IEnumerable<KeyValuePair<string, List<EndpointIr>>> Zones(BackendIr backend) =>
        backend.Endpoints.GroupBy(e => e.Zone ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, List<EndpointIr>>(g.Key, g.ToList()));

    // The policy's weight for a zone (first entry wins), 1 when unlisted; null for 0 or less (no weight, no traffic).
    private static long? ZoneWeight(ZoneAwareIr zone, string name)
    {
        var weight = zone.WeightedZones.Where(z => z.Key == name).Select(z => (long?)z.Value).FirstOrDefault() ?? 1;
        return weight > 0 ? weight : null;
    }

    // Per backend index: the factor that turns backend weight × zone weight into integers whose per-backend sums keep
    // the backends' ratio (lcm of the backends' zone-weight sums / this backend's sum); null if the total passes uint32.
    private static Dictionary<int, long>? BackendScales(DestinationIr destination, ZoneAwareIr zone)
    {
        try
        {
            var sums = destination.Backends.ToDictionary(b => b.Index, b => Zones(b).Sum(z => ZoneWeight(zone, z.Key) ?? 0));
            var lcm = sums.Values.Where(s => s > 0).Aggregate(1L, (a, b) => checked(a / Gcd(a, b) * b));
            var scales = sums.ToDictionary(s => s.Key, s => s.Value > 0 ? lcm / s.Value : 0);
            var total = destination.Backends.Sum(b => checked(b.Weight * sums[b.Index] * scales[b.Index]));
            return total <= uint.MaxValue ? scales : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static LocalityLbEndpoints Locality(string? region, string zone, List<EndpointIr> endpoints, long? weight)
    {
        var locality = new LocalityLbEndpoints { Locality = new Locality { Zone = zone } };
        if (region is not null)
        {
            locality.Locality.Region = region;
        }

        if (weight is { } w and > 0)
        {
            locality.LoadBalancingWeight = (uint)w;
        }

        locality.LbEndpoints.AddRange(endpoints.Select(ClusterTranslator.LbEndpoint));
        return locality;
    }
}
