using System.Globalization;
using System.Linq;
using Envoy.Config.Cluster.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// FQDN backends and BackendTrafficPolicy <c>dns</c> (envoy-mapping.md §1 <c>dns</c>). A destination with hostname
/// endpoints (EndpointSlice addressType FQDN) is an <c>envoy.cluster.dns</c> cluster with inline endpoints (built by
/// <see cref="ClusterTranslator"/>); its <c>DnsCluster</c> config is missing from the compiled API, so it is a
/// TypedStruct and each such cluster gets a warning naming the gap. The policy's <c>dnsRefreshRate</c>,
/// <c>respectDnsTtl</c> and <c>lookupFamily</c> go into that config; <c>lookupFamily</c> also sets
/// <c>Cluster.dns_lookup_family</c> on every cluster of the policy, as in Envoy Gateway.
/// </summary>
internal sealed class DnsClusterFeature : IIrFeature, IClusterFeature
{
    /// <summary>Envoy rejects a DNS refresh rate of 1ms or less (<c>DnsCluster.dns_refresh_rate: gt 1ms</c>).</summary>
    public const long MinimumRefreshNanoseconds = 1_000_000L;

    public string Name => "btp.dns";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var destination in BackendTrafficGaps.Destinations(gateway).Where(d => d.IsDns))
        {
            var who = destination.Traffic is { Policy.Length: > 0 } traffic ? $"{traffic.Policy} dns" : "FQDN backends";
            BackendTrafficGaps.Warn(gateway, $"cluster {destination.Name}: {who} need {ClusterTranslator.DnsClusterMessage}, which the compiled Envoy API lacks; emitted as xds.type.v3.TypedStruct.");
            if (destination.Backends.Any(b => b.Endpoints.Any(e => !e.Fqdn)))
            {
                BackendTrafficGaps.Warn(gateway, $"cluster {destination.Name}: mixes IP and FQDN endpoints; Envoy Gateway splits such a rule into one cluster per backend, here all endpoints share one DNS cluster (IP addresses resolve to themselves).");
            }
        }

        foreach (var traffic in BackendTrafficGaps.PolicySets(gateway))
        {
            if (traffic.Dns?.RefreshRateNanoseconds is { } rate && rate <= MinimumRefreshNanoseconds)
            {
                BackendTrafficGaps.NotTranslated(gateway, traffic, "dns.dnsRefreshRate", RefreshRateTooLow(rate));
            }
        }
    }

    /// <summary>Why a refresh rate at or below <see cref="MinimumRefreshNanoseconds"/> is replaced by the default.</summary>
    public static string RefreshRateTooLow(long rateNanoseconds) =>
        $"{(rateNanoseconds / 1_000_000L).ToString(CultureInfo.InvariantCulture)}ms is not above Envoy's 1ms minimum; the default 30s is used";

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.Dns is not { } dns)
        {
            return;
        }

        if (dns.RefreshRateNanoseconds is { } rate && rate <= MinimumRefreshNanoseconds)
        {
            dns = dns with { RefreshRateNanoseconds = null };
        }

        ClusterTranslator.ApplyDns(cluster, destination.IsDns, dns, destination.IpFamily);
    }
}
