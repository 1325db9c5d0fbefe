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
/// Clusters Envoy Gateway derives from a URL: DNS resolved like an FQDN backend (the <c>envoy.cluster.dns</c>
/// extension, see <see cref="ClusterTranslator"/>), the host as the only endpoint (locality
/// <c>&lt;cluster&gt;/backend/-1</c>, inline), TLS to the system trust store for https with SNI.
/// </summary>
internal static class UrlClusters
{
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
    /// the service's <c>backendSettings</c> (<paramref name="traffic"/>) applied by the cluster features (<c>dns</c>
    /// by the DNS cluster feature, as for a route's FQDN backends).
    /// </summary>
    public static void Add(UrlTarget target, ExtServiceTrafficIr? traffic, XdsResourceSink sink)
    {
        var destination = new DestinationIr(target.ClusterName);
        destination.Backends.Add(new BackendIr(-1, 1, [new EndpointIr(target.Host, target.Port, Fqdn: true)]));
        var cluster = ClusterTranslator.Translate(destination);
        var assignment = ClusterTranslator.Endpoints(destination);
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

        // After the TLS socket, so that proxy protocol wraps it; the endpoints go inline once the features have run.
        ExtServiceSettings.PatchCluster(traffic, destination, cluster, assignment, sink.ClusterFeatures);
        ClusterTranslator.InlineEndpoints(cluster, assignment);
        sink.Clusters.Add(cluster);
    }

    /// <summary>The warning for the DNS cluster extension config that the compiled Envoy API lacks.</summary>
    public static string DnsClusterWarning(SecurityIr policy, string policyField, string clusterName) =>
        $"SecurityPolicy {policy.Namespace}/{policy.Name} {policyField}: cluster {clusterName} uses {ClusterTranslator.DnsClusterMessage}, which is not in the compiled Envoy API; emitted as xds.type.v3.TypedStruct.";
}
