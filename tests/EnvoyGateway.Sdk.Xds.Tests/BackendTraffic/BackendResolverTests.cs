using System.Linq;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

/// <summary>
/// Services and EndpointSlices that break their schema (null items, missing addresses, bad port numbers): the broken
/// item is skipped with a warning naming the resource and JSON path, the rest still translates.
/// </summary>
public class BackendResolverTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: app
          namespace: default
        spec:
          ports:
          - null
          - name: http
            port: 8080
        """;

    private static string Slice(string ports, string endpoints) => $"""
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: app-1
          namespace: default
          labels:
            kubernetes.io/service-name: app
        addressType: IPv4
        ports:
        {ports}
        endpoints:
        {endpoints}
        """;

    private static string[] Addresses(Translation.Xds.GatewayXdsResources xds) =>
        xds.Endpoints.Single(e => e.ClusterName == BackendInputs.ClusterName).Endpoints.SelectMany(l => l.LbEndpoints)
            .Select(e => e.Endpoint.Address.SocketAddress.Address).ToArray();

    [Test]
    public void A_null_service_port_is_skipped_and_the_named_port_still_resolves()
    {
        var xds = BackendInputs.Translate(null, Service, Slice("- name: http\n  port: 8080", "- addresses: [10.0.0.1]"));
        Assert.That(Addresses(xds), Is.EqualTo(new[] { "10.0.0.1" }));
        Assert.That(xds.Warnings, Has.One.EqualTo("Service default/app: spec.ports[0] is null; skipped."));
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void Null_and_empty_addresses_and_null_endpoints_are_skipped_with_their_path()
    {
        var xds = BackendInputs.Translate(null, Service, Slice("- name: http\n  port: 8080", "- null\n- addresses: [null, '', 10.0.0.2]"));
        Assert.That(Addresses(xds), Is.EqualTo(new[] { "10.0.0.2" }));
        Assert.That(xds.Warnings, Has.One.EqualTo("EndpointSlice default/app-1: endpoints[0] is null; skipped."));
        Assert.That(xds.Warnings, Has.One.EqualTo("EndpointSlice default/app-1: endpoints[1].addresses[0] is null; skipped."));
        Assert.That(xds.Warnings, Has.One.EqualTo("EndpointSlice default/app-1: endpoints[1].addresses[1] is empty; skipped."));
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void A_null_slice_port_is_skipped_and_a_port_out_of_range_drops_the_slice()
    {
        var nullPort = BackendInputs.Translate(null, Service, Slice("- null\n- name: http\n  port: 8080", "- addresses: [10.0.0.3]"));
        Assert.That(Addresses(nullPort), Is.EqualTo(new[] { "10.0.0.3" }));
        Assert.That(nullPort.Warnings, Has.One.EqualTo("EndpointSlice default/app-1: ports[0] is null; skipped."));

        var badPort = BackendInputs.Translate(null, Service, Slice("- name: http\n  port: 70000", "- addresses: [10.0.0.3]"));
        Assert.That(Addresses(badPort), Is.Empty);
        Assert.That(badPort.Warnings, Has.One.EqualTo("EndpointSlice default/app-1: ports[0].port 70000 is not a port number (1-65535); skipped."));
        BackendInputs.AssertPgvValid(badPort);
    }

    [Test]
    public void A_negative_backend_weight_is_not_translated()
    {
        var xds = BackendInputs.Translate(null, [("app", -1)], Service, Slice("- name: http\n  port: 8080", "- addresses: [10.0.0.1]"));
        Assert.That(xds.Clusters.Select(c => c.Name), Does.Not.Contain(BackendInputs.ClusterName));
        Assert.That(xds.Warnings, Has.Some.Contains("negative weight (-1)"));
    }
}
