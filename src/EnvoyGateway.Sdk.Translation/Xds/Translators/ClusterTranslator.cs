using System;
using System.Linq;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Extensions.LoadBalancingPolicies.Common.V3;
using Envoy.Extensions.LoadBalancingPolicies.LeastRequest.V3;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>
/// A destination as a cluster with Envoy Gateway's defaults (envoy-mapping.md §7): 10s connect timeout, 32 KiB
/// buffer limit, V4_PREFERRED, least-request with locality weights, 1024 retries allowed, HTTP/2 options for gRPC.
/// IP endpoints make an EDS cluster; hostname (FQDN) endpoints an <c>envoy.cluster.dns</c> cluster whose endpoints
/// are inline. Its <c>DnsCluster</c> config is missing from the compiled Envoy API and is emitted as a TypedStruct
/// (<see cref="EnvoyApiGaps.PackAsTypedStruct"/>).
/// </summary>
internal static class ClusterTranslator
{
    public const string LeastRequestPolicy = "envoy.load_balancing_policies.least_request";

    /// <summary>The cluster extension Envoy Gateway uses for FQDN backends.</summary>
    public const string DnsClusterExtension = "envoy.cluster.dns";

    /// <summary>Its config message, absent from the compiled API.</summary>
    public const string DnsClusterMessage = "envoy.extensions.clusters.dns.v3.DnsCluster";

    /// <summary>Envoy Gateway's DNS refresh rate when the policy sets none (30s).</summary>
    public const long DefaultDnsRefreshNanoseconds = 30_000_000_000L;

    public static Cluster Translate(DestinationIr destination)
    {
        var cluster = new Cluster
        {
            Name = destination.Name,
            Type = Cluster.Types.DiscoveryType.Eds,
            EdsClusterConfig = new Cluster.Types.EdsClusterConfig { EdsConfig = ProtoDefaults.Ads(), ServiceName = destination.Name },
            ConnectTimeout = ProtoDefaults.Seconds(10),
            PerConnectionBufferLimitBytes = ProtoDefaults.BufferLimitBytes,
            DnsLookupFamily = Cluster.Types.DnsLookupFamily.V4Preferred,
            CommonLbConfig = new Cluster.Types.CommonLbConfig(),
            IgnoreHealthOnHostRemoval = true,
            CircuitBreakers = new CircuitBreakers
            {
                // Envoy Gateway always allows as many retries as requests, to absorb retry storms during pod restarts.
                Thresholds = { new CircuitBreakers.Types.Thresholds { MaxRetries = 1024 } },
            },
            LoadBalancingPolicy = new LoadBalancingPolicy
            {
                Policies =
                {
                    new LoadBalancingPolicy.Types.Policy
                    {
                        TypedExtensionConfig = new TypedExtensionConfig
                        {
                            Name = LeastRequestPolicy,
                            TypedConfig = Any.Pack(new LeastRequest
                            {
                                LocalityLbConfig = new LocalityLbConfig { LocalityWeightedLbConfig = new LocalityLbConfig.Types.LocalityWeightedLbConfig() },
                            }),
                        },
                    },
                },
            },
        };
        ApplyDns(cluster, destination.IsDns, dns: null, destination.IpFamily);
        if (destination.Http2)
        {
            UpdateHttpProtocolOptions(cluster, options => options.ExplicitHttpConfig = new UpstreamHttpProtocolOptions.Types.ExplicitHttpConfig
            {
                Http2ProtocolOptions = new Http2ProtocolOptions { InitialStreamWindowSize = 65536, InitialConnectionWindowSize = 1048576 },
            });
        }

        return cluster;
    }

    /// <summary>The endpoints: one locality per backend (<c>&lt;cluster&gt;/backend/&lt;i&gt;</c>) weighted by the backend weight.</summary>
    public static ClusterLoadAssignment Endpoints(DestinationIr destination)
    {
        var assignment = new ClusterLoadAssignment { ClusterName = destination.Name };
        foreach (var backend in destination.Backends)
        {
            var locality = new LocalityLbEndpoints
            {
                Locality = new Locality { Region = XdsNames.Locality(destination.Name, backend.Index) },
                LoadBalancingWeight = backend.Weight,
            };
            locality.LbEndpoints.AddRange(backend.Endpoints.Select(LbEndpoint));
            assignment.Endpoints.Add(locality);
        }

        return assignment;
    }

    /// <summary>One endpoint with weight 1, as Envoy Gateway writes every endpoint.</summary>
    public static LbEndpoint LbEndpoint(EndpointIr endpoint) => new()
    {
        Endpoint = new Endpoint { Address = new Address { SocketAddress = new SocketAddress { Address = endpoint.Address, PortValue = endpoint.Port } } },
        LoadBalancingWeight = 1,
    };

    /// <summary>
    /// Puts <paramref name="assignment"/> where the cluster type needs it: inline in a DNS cluster (returns true; DNS
    /// clusters have no EDS resource), otherwise nowhere (returns false: the caller emits it as an EDS resource).
    /// </summary>
    public static bool InlineEndpoints(Cluster cluster, ClusterLoadAssignment assignment)
    {
        if (!IsDnsCluster(cluster))
        {
            return false;
        }

        cluster.LoadAssignment = assignment;
        return true;
    }

    public static bool IsDnsCluster(Cluster cluster) => cluster.ClusterType?.Name == DnsClusterExtension;

    /// <summary>
    /// The DNS settings of a cluster (envoy-mapping.md §1 <c>dns</c>): <c>Cluster.dns_lookup_family</c> on every cluster and,
    /// when <paramref name="useDns"/>, the <c>envoy.cluster.dns</c> cluster type with refresh rate (30s), respect-TTL
    /// (true) and lookup family (V4_PREFERRED; the policy's <c>lookupFamily</c>, overridden by the backends' IP family).
    /// </summary>
    public static void ApplyDns(Cluster cluster, bool useDns, DnsIr? dns, string? ipFamily)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var family = LookupFamily(dns?.LookupFamily, ipFamily);
        cluster.DnsLookupFamily = family;
        if (!useDns)
        {
            return;
        }

        cluster.EdsClusterConfig = null;
        var refresh = ProtoDefaults.Nanos(dns?.RefreshRateNanoseconds is { } rate && rate > 0 ? rate : DefaultDnsRefreshNanoseconds);
        cluster.ClusterType = new Cluster.Types.CustomClusterType
        {
            Name = DnsClusterExtension,
            TypedConfig = EnvoyApiGaps.PackAsTypedStruct(DnsClusterMessage, new Struct
            {
                Fields =
                {
                    // proto3 JSON of DnsCluster; its dns_lookup_family (clusters.common.dns.v3.DnsLookupFamily) names match the cluster enum's
                    ["dnsRefreshRate"] = Value.ForString(JsonFormatter.Default.Format(refresh).Trim('"')),
                    ["respectDnsTtl"] = Value.ForBool(dns?.RespectDnsTtl ?? true),
                    ["dnsLookupFamily"] = Value.ForString(FamilyName(family)),
                },
            }),
        };
    }

    // Policy lookupFamily first, then the backend IP family, which Envoy Gateway lets win.
    private static Cluster.Types.DnsLookupFamily LookupFamily(string? lookupFamily, string? ipFamily)
    {
        var family = lookupFamily switch
        {
            "IPv4" => Cluster.Types.DnsLookupFamily.V4Only,
            "IPv6" => Cluster.Types.DnsLookupFamily.V6Only,
            "IPv6Preferred" => Cluster.Types.DnsLookupFamily.Auto,
            "IPv4AndIPv6" => Cluster.Types.DnsLookupFamily.All,
            _ => Cluster.Types.DnsLookupFamily.V4Preferred,
        };
        return ipFamily switch
        {
            "IPv4" => Cluster.Types.DnsLookupFamily.V4Only,
            "IPv6" => Cluster.Types.DnsLookupFamily.V6Only,
            "DualStack" => Cluster.Types.DnsLookupFamily.All,
            _ => family,
        };
    }

    private static string FamilyName(Cluster.Types.DnsLookupFamily family) => family switch
    {
        Cluster.Types.DnsLookupFamily.Auto => "AUTO",
        Cluster.Types.DnsLookupFamily.V4Only => "V4_ONLY",
        Cluster.Types.DnsLookupFamily.V6Only => "V6_ONLY",
        Cluster.Types.DnsLookupFamily.All => "ALL",
        _ => "V4_PREFERRED",
    };

    /// <summary>
    /// Reads, changes and re-packs the cluster's upstream <c>HttpProtocolOptions</c> (creating it when absent), so
    /// several features can each set their part.
    /// </summary>
    public static void UpdateHttpProtocolOptions(Cluster cluster, Action<UpstreamHttpProtocolOptions> change)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(change);
        var options = cluster.TypedExtensionProtocolOptions.TryGetValue(XdsNames.HttpProtocolOptionsKey, out var packed)
            ? packed.Unpack<UpstreamHttpProtocolOptions>()
            : new UpstreamHttpProtocolOptions();
        change(options);
        if (options.UpstreamProtocolOptionsCase == UpstreamHttpProtocolOptions.UpstreamProtocolOptionsOneofCase.None)
        {
            // Envoy rejects HttpProtocolOptions without a protocol selection; HTTP/1.1 is what the cluster used anyway.
            options.ExplicitHttpConfig = new UpstreamHttpProtocolOptions.Types.ExplicitHttpConfig { HttpProtocolOptions = new Http1ProtocolOptions() };
        }

        cluster.TypedExtensionProtocolOptions[XdsNames.HttpProtocolOptionsKey] = Any.Pack(options);
    }
}
