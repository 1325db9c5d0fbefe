using System.Linq;
using Envoy.Config.Cluster.V3;
using NUnit.Framework;
using Xds.Type.V3;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

/// <summary>FQDN backends become envoy.cluster.dns clusters with inline endpoints; BackendTrafficPolicy dns tunes them.</summary>
public class DnsClusterTests
{
    private const string DnsClusterType = "type.googleapis.com/envoy.extensions.clusters.dns.v3.DnsCluster";

    private static readonly string FqdnService = BackendInputs.Service("app", "FQDN", [("backend.example.com", null)]);

    [Test]
    public void Fqdn_endpoints_make_a_dns_cluster_with_envoy_gateway_defaults_and_inline_endpoints()
    {
        var xds = BackendInputs.Translate(null, FqdnService);
        var cluster = xds.Cluster();
        Assert.That(cluster.ClusterType.Name, Is.EqualTo("envoy.cluster.dns"));
        Assert.That(cluster.EdsClusterConfig, Is.Null);
        Assert.That(cluster.DnsLookupFamily, Is.EqualTo(Cluster.Types.DnsLookupFamily.V4Preferred));
        var typed = cluster.ClusterType.TypedConfig.Unpack<TypedStruct>();
        Assert.That(typed.TypeUrl, Is.EqualTo(DnsClusterType));
        Assert.That(typed.Value.Fields["dnsRefreshRate"].StringValue, Is.EqualTo("30s"));
        Assert.That(typed.Value.Fields["respectDnsTtl"].BoolValue, Is.True);
        Assert.That(typed.Value.Fields["dnsLookupFamily"].StringValue, Is.EqualTo("V4_PREFERRED"));

        var locality = cluster.LoadAssignment.Endpoints.Single();
        Assert.That(cluster.LoadAssignment.ClusterName, Is.EqualTo(BackendInputs.ClusterName));
        Assert.That(locality.Locality.Region, Is.EqualTo(BackendInputs.ClusterName + "/backend/0"));
        var address = locality.LbEndpoints.Single().Endpoint.Address.SocketAddress;
        Assert.That((address.Address, address.PortValue), Is.EqualTo(("backend.example.com", 8080u)));
        Assert.That(xds.Endpoints.Select(e => e.ClusterName), Does.Not.Contain(BackendInputs.ClusterName), "DNS clusters have no EDS resource");
        Assert.That(xds.Warnings, Has.One.Contains("envoy.extensions.clusters.dns.v3.DnsCluster").And.Contains("TypedStruct").And.Contains(BackendInputs.ClusterName));
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void Ip_endpoints_stay_an_eds_cluster_with_a_load_assignment_resource()
    {
        var xds = BackendInputs.Translate(null, BackendInputs.Service("app", "IPv4", [("10.0.0.1", null)]));
        Assert.That(xds.Cluster().Type, Is.EqualTo(Cluster.Types.DiscoveryType.Eds));
        Assert.That(xds.Cluster().LoadAssignment, Is.Null);
        Assert.That(xds.Endpoints.Select(e => e.ClusterName), Does.Contain(BackendInputs.ClusterName));
        Assert.That(xds.Warnings, Has.None.Contains("DnsCluster"));
    }

    [Test]
    public void Policy_dns_settings_go_into_the_dns_cluster_config()
    {
        var xds = BackendInputs.Translate("dns:\n  dnsRefreshRate: 1m30s\n  respectDnsTtl: false\n  lookupFamily: IPv6", FqdnService);
        var cluster = xds.Cluster();
        var config = cluster.ClusterType.TypedConfig.Unpack<TypedStruct>().Value.Fields;
        Assert.That(config["dnsRefreshRate"].StringValue, Is.EqualTo("90s"));
        Assert.That(config["respectDnsTtl"].BoolValue, Is.False);
        Assert.That(config["dnsLookupFamily"].StringValue, Is.EqualTo("V6_ONLY"));
        Assert.That(cluster.DnsLookupFamily, Is.EqualTo(Cluster.Types.DnsLookupFamily.V6Only));
        Assert.That(xds.Warnings, Has.One.Contains("backendtrafficpolicy/default/policy dns").And.Contains("DnsCluster"));
        BackendInputs.AssertPgvValid(xds);
    }

    [TestCase("IPv4", Cluster.Types.DnsLookupFamily.V4Only)]
    [TestCase("IPv6", Cluster.Types.DnsLookupFamily.V6Only)]
    [TestCase("IPv4Preferred", Cluster.Types.DnsLookupFamily.V4Preferred)]
    [TestCase("IPv6Preferred", Cluster.Types.DnsLookupFamily.Auto)]
    [TestCase("IPv4AndIPv6", Cluster.Types.DnsLookupFamily.All)]
    public void Lookup_family_maps_to_the_cluster_lookup_family_even_for_eds_clusters(string family, Cluster.Types.DnsLookupFamily expected)
    {
        var cluster = BtpInputs.Translate("dns:\n  lookupFamily: " + family).Cluster();
        Assert.That(cluster.DnsLookupFamily, Is.EqualTo(expected));
        Assert.That(cluster.Type, Is.EqualTo(Cluster.Types.DiscoveryType.Eds));
    }

    [TestCase("ipFamilies: [IPv4, IPv6]", Cluster.Types.DnsLookupFamily.All, "ALL")]
    [TestCase("ipFamilyPolicy: RequireDualStack", Cluster.Types.DnsLookupFamily.All, "ALL")]
    [TestCase("ipFamilies: [IPv6]", Cluster.Types.DnsLookupFamily.V6Only, "V6_ONLY")]
    public void The_service_ip_family_overrides_the_policy_lookup_family(string serviceSpec, Cluster.Types.DnsLookupFamily expected, string expectedName)
    {
        var service = BackendInputs.Service("app", "FQDN", [("backend.example.com", null)], serviceSpec);
        var cluster = BackendInputs.Translate("dns:\n  lookupFamily: IPv4", service).Cluster();
        Assert.That(cluster.DnsLookupFamily, Is.EqualTo(expected));
        Assert.That(cluster.ClusterType.TypedConfig.Unpack<TypedStruct>().Value.Fields["dnsLookupFamily"].StringValue, Is.EqualTo(expectedName));
    }

    [Test]
    public void A_refresh_rate_envoy_would_reject_falls_back_to_30s_with_a_warning()
    {
        var xds = BackendInputs.Translate("dns:\n  dnsRefreshRate: 0s", FqdnService);
        Assert.That(xds.Cluster().ClusterType.TypedConfig.Unpack<TypedStruct>().Value.Fields["dnsRefreshRate"].StringValue, Is.EqualTo("30s"));
        Assert.That(xds.Warnings, Has.One.Contains("dns.dnsRefreshRate").And.Contains("30s"));
    }

    [Test]
    public void Mixed_ip_and_fqdn_backends_share_one_dns_cluster_and_say_so()
    {
        var xds = BackendInputs.Translate(null, [("app", 1), ("ip", 1)], FqdnService, BackendInputs.Service("ip", "IPv4", [("10.0.0.2", null)]));
        var cluster = xds.Cluster();
        Assert.That(cluster.ClusterType.Name, Is.EqualTo("envoy.cluster.dns"));
        Assert.That(cluster.LoadAssignment.Endpoints.Select(l => l.LbEndpoints.Single().Endpoint.Address.SocketAddress.Address), Is.EqualTo(new[] { "backend.example.com", "10.0.0.2" }));
        Assert.That(xds.Warnings, Has.One.Contains("mixes IP and FQDN endpoints"));
        BackendInputs.AssertPgvValid(xds);
    }
}
