using System;
using System.Globalization;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>A host and port taken from a URL (remote JWKS, OIDC token endpoint), with its cluster name.</summary>
internal sealed record UrlTarget(string Host, uint Port, bool Tls)
{
    /// <summary><c>&lt;host with '.'→'_'&gt;_&lt;port&gt;</c> (envoy-mapping.md §5).</summary>
    public string ClusterName => string.Create(CultureInfo.InvariantCulture, $"{XdsNames.Host(Host)}_{Port}");
}

/// <summary>
/// Clusters Envoy Gateway derives from a URL: DNS resolved (the <c>envoy.cluster.dns</c> extension), the host as the
/// only endpoint (locality <c>&lt;cluster&gt;/backend/-1</c>), TLS to the system trust store for https with SNI.
/// </summary>
internal static class UrlClusters
{
    public const string DnsClusterMessage = "envoy.extensions.clusters.dns.v3.DnsCluster";
    public const string DnsClusterExtension = "envoy.cluster.dns";
    public const string SystemCaSecret = "system_ca_certificates";
    public const string SystemCaFile = "/etc/ssl/certs/ca-certificates.crt";

    /// <summary>The host, port (default 443/80) and scheme of <paramref name="uri"/>, or null when it is not an absolute http(s) URL.</summary>
    public static UrlTarget? Parse(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != "https" && parsed.Scheme != "http") || parsed.Host.Length == 0)
        {
            return null;
        }

        return new UrlTarget(parsed.IdnHost.Trim('[', ']'), (uint)parsed.Port, parsed.Scheme == "https");
    }

    /// <summary>
    /// Adds the cluster of <paramref name="target"/> (and the system CA secret for TLS) to <paramref name="sink"/>, with
    /// the service's <c>backendSettings</c> (<paramref name="traffic"/>): <c>dns</c> in the DNS cluster config, the
    /// rest through the cluster features.
    /// </summary>
    public static void Add(UrlTarget target, ExtServiceTrafficIr? traffic, XdsResourceSink sink)
    {
        var name = target.ClusterName;
        var destination = new DestinationIr(name);
        var cluster = ClusterTranslator.Translate(destination);
        var dns = traffic?.Traffic.Dns;
        var family = LookupFamily(dns?.LookupFamily);
        cluster.EdsClusterConfig = null;
        cluster.DnsLookupFamily = family.Value;
        cluster.ClusterType = new Cluster.Types.CustomClusterType
        {
            Name = DnsClusterExtension,
            TypedConfig = EnvoyApiGaps.PackAsTypedStruct(DnsClusterMessage, new Struct
            {
                Fields =
                {
                    ["dnsRefreshRate"] = Value.ForString(DurationText(dns?.RefreshRateNanoseconds ?? 30_000_000_000L)),
                    ["respectDnsTtl"] = Value.ForBool(dns?.RespectDnsTtl ?? true),
                    ["dnsLookupFamily"] = Value.ForString(family.Name),
                },
            }),
        };
        cluster.LoadAssignment = new ClusterLoadAssignment
        {
            ClusterName = name,
            Endpoints =
            {
                new LocalityLbEndpoints
                {
                    Locality = new Locality { Region = XdsNames.Locality(name, -1) },
                    LoadBalancingWeight = 1,
                    LbEndpoints =
                    {
                        new LbEndpoint
                        {
                            Endpoint = new Endpoint { Address = new Address { SocketAddress = new SocketAddress { Address = target.Host, PortValue = target.Port } } },
                            LoadBalancingWeight = 1,
                        },
                    },
                },
            },
        };
        if (target.Tls)
        {
            var context = new UpstreamTlsContext
            {
                Sni = target.Host,
                CommonTlsContext = new CommonTlsContext
                {
                    CombinedValidationContext = new CommonTlsContext.Types.CombinedCertificateValidationContext
                    {
                        DefaultValidationContext = new CertificateValidationContext(),
                        ValidationContextSdsSecretConfig = ProtoDefaults.Sds(SystemCaSecret),
                    },
                },
            };
            cluster.TransportSocket = new TransportSocket { Name = XdsNames.TlsTransportSocket, TypedConfig = Any.Pack(context) };
            sink.Secrets.Add(new Secret { Name = SystemCaSecret, ValidationContext = new CertificateValidationContext { TrustedCa = new DataSource { Filename = SystemCaFile } } });
        }

        // After the TLS socket, so that proxy protocol wraps it.
        ExtServiceSettings.PatchCluster(traffic, destination, cluster, cluster.LoadAssignment, sink.ClusterFeatures);
        sink.Clusters.Add(cluster);
    }

    // backendSettings.dns.lookupFamily (envoy-mapping.md §1 dns): IPv4 → V4_ONLY, IPv6 → V6_ONLY, IPv6Preferred → AUTO,
    // IPv4AndIPv6 → ALL, IPv4Preferred or unset → V4_PREFERRED; with the proto name the TypedStruct needs.
    private static (Cluster.Types.DnsLookupFamily Value, string Name) LookupFamily(string? family) => family switch
    {
        "IPv4" => (Cluster.Types.DnsLookupFamily.V4Only, "V4_ONLY"),
        "IPv6" => (Cluster.Types.DnsLookupFamily.V6Only, "V6_ONLY"),
        "IPv6Preferred" => (Cluster.Types.DnsLookupFamily.Auto, "AUTO"),
        "IPv4AndIPv6" => (Cluster.Types.DnsLookupFamily.All, "ALL"),
        _ => (Cluster.Types.DnsLookupFamily.V4Preferred, "V4_PREFERRED"),
    };

    // A duration as protojson text: whole seconds ("30s") or with the fraction ("0.500s").
    private static string DurationText(long nanoseconds) => JsonFormatter.Default.Format(ProtoDefaults.Nanos(nanoseconds)).Trim('"');

    /// <summary>The warning for the DNS cluster extension config that the compiled Envoy API lacks.</summary>
    public static string DnsClusterWarning(SecurityIr policy, string policyField, string clusterName) =>
        $"SecurityPolicy {policy.Namespace}/{policy.Name} {policyField}: cluster {clusterName} uses {DnsClusterMessage}, which is not in the compiled Envoy API; emitted as xds.type.v3.TypedStruct.";
}
