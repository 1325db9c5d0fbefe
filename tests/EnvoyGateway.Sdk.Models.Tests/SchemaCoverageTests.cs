using System.IO;
using System.Linq;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Models.Tests;

/// <summary>Our schemas/ carry every field of the upstream CRDs, with the same type, and nothing upstream lacks.</summary>
public sealed class SchemaCoverageTests
{
    private static readonly (string Ours, string Upstream)[] Pairs =
    [
        ("gateway.envoyproxy.io_backendtrafficpolicies.yaml", "envoy-gateway-v1.9/gateway.envoyproxy.io_backendtrafficpolicies.yaml"),
        ("gateway.envoyproxy.io_clienttrafficpolicies.yaml", "envoy-gateway-v1.9/gateway.envoyproxy.io_clienttrafficpolicies.yaml"),
        ("gateway.envoyproxy.io_securitypolicies.yaml", "envoy-gateway-v1.9/gateway.envoyproxy.io_securitypolicies.yaml"),
        ("gateway.networking.k8s.io_gatewayclasses.yaml", "gateway-api-v1.6.1/gatewayclasses.gateway.networking.k8s.io.yaml"),
        ("gateway.networking.k8s.io_gateways.yaml", "gateway-api-v1.6.1/gateways.gateway.networking.k8s.io.yaml"),
        ("gateway.networking.k8s.io_httproutes.yaml", "gateway-api-v1.6.1/httproutes.gateway.networking.k8s.io.yaml"),
        ("gateway.networking.k8s.io_grpcroutes.yaml", "gateway-api-v1.6.1/grpcroutes.gateway.networking.k8s.io.yaml"),
        ("gateway.networking.k8s.io_tcproutes.yaml", "gateway-api-v1.6.1/tcproutes.gateway.networking.k8s.io.yaml"),
        ("gateway.networking.k8s.io_tlsroutes.yaml", "gateway-api-v1.6.1/tlsroutes.gateway.networking.k8s.io.yaml"),
        ("gateway.networking.k8s.io_udproutes.yaml", "gateway-api-v1.6.1/udproutes.gateway.networking.k8s.io.yaml"),
        ("gateway.networking.k8s.io_listenersets.yaml", "gateway-api-v1.6.1/listenersets.gateway.networking.k8s.io.yaml"),
        ("gateway.networking.k8s.io_referencegrants.yaml", "gateway-api-v1.6.1/referencegrants.gateway.networking.k8s.io.yaml"),
    ];

    private static string[] OurSchemas => Pairs.Select(p => p.Ours).ToArray();

    [TestCaseSource(nameof(OurSchemas))]
    public void Every_upstream_field_path_exists_in_our_schema_with_the_same_type(string ours)
    {
        var upstreamFile = SharedMaterial.Require(Path.Combine("reference", Pairs.Single(p => p.Ours == ours).Upstream));
        var upstream = SchemaFieldPaths.Read(upstreamFile);
        var ourPaths = SchemaFieldPaths.Read(Path.Combine(SharedMaterial.RepositoryRoot, "schemas", ours));

        var missing = upstream.Keys.Where(k => !ourPaths.ContainsKey(k)).ToList();
        var retyped = upstream.Where(kv => ourPaths.TryGetValue(kv.Key, out var t) && t != kv.Value)
            .Select(kv => $"{kv.Key}: upstream '{kv.Value}', ours '{ourPaths[kv.Key]}'").ToList();
        var extra = ourPaths.Keys.Where(k => !upstream.ContainsKey(k)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(upstream, Has.Count.GreaterThan(5), "precondition: the upstream schema has fields");
            Assert.That(missing, Is.Empty, "fields missing from our schema");
            Assert.That(retyped, Is.Empty, "fields with another type");
            Assert.That(extra, Is.Empty, "fields upstream does not have");
        });
    }
}
