using System;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Extensions.LoadBalancingPolicies.Common.V3;
using Envoy.Extensions.LoadBalancingPolicies.LeastRequest.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>
/// A destination as an EDS cluster with Envoy Gateway's defaults (envoy-mapping.md §7): 10s connect timeout, 32 KiB
/// buffer limit, V4_PREFERRED, least-request with locality weights, 1024 retries allowed, HTTP/2 options for gRPC.
/// </summary>
internal static class ClusterTranslator
{
    public const string LeastRequestPolicy = "envoy.load_balancing_policies.least_request";

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
            foreach (var endpoint in backend.Endpoints)
            {
                locality.LbEndpoints.Add(new LbEndpoint
                {
                    Endpoint = new Endpoint { Address = new Address { SocketAddress = new SocketAddress { Address = endpoint.Address, PortValue = endpoint.Port } } },
                    LoadBalancingWeight = 1,
                });
            }

            assignment.Endpoints.Add(locality);
        }

        return assignment;
    }

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
