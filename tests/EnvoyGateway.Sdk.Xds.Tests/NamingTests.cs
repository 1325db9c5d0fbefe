using System.Linq;
using Envoy.Config.Route.V3;
using EnvoyGateway.Sdk.Translation.Xds;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

public class NamingTests
{
    private const string Route = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: backend
          namespace: default
        spec:
          parentRefs:
          - name: eg
          hostnames:
          - www.example.com
          - api.example.com
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: /
            - path:
                type: Exact
                value: /exact
            backendRefs:
            - name: backend
              port: 3000
        """;

    [TestCase(80, 10080)]
    [TestCase(443, 10443)]
    [TestCase(1023, 11023)]
    [TestCase(1024, 1024)]
    [TestCase(8080, 8080)]
    public void Privileged_ports_are_shifted_by_ten_thousand(int port, int expected) =>
        Assert.That(XdsNames.ContainerPort(port), Is.EqualTo(expected));

    [Test]
    public void Http_resources_carry_envoy_gateway_names()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80"), Route,
            Inputs.Service("backend", 3000, "10.0.0.1"));

        var listener = xds.Listeners.Single();
        Assert.That(listener.Name, Is.EqualTo("default/eg/http"));
        Assert.That(listener.Address.SocketAddress.PortValue, Is.EqualTo(10080));
        Assert.That(listener.DefaultFilterChain.Name, Is.EqualTo("default/eg/http"));

        var routeConfig = xds.Routes.Single();
        Assert.That(routeConfig.Name, Is.EqualTo("default/eg/http"));
        Assert.That(routeConfig.VirtualHosts.Select(v => v.Name), Is.EqualTo(new[] { "default/eg/http/www_example_com", "default/eg/http/api_example_com" }));
        Assert.That(routeConfig.VirtualHosts[0].Domains, Is.EqualTo(new[] { "www.example.com" }));
        // the exact match sorts before the prefix match, but keeps its own match index
        Assert.That(routeConfig.VirtualHosts[0].Routes.Select(r => r.Name), Is.EqualTo(new[]
        {
            "httproute/default/backend/rule/0/match/1/www_example_com",
            "httproute/default/backend/rule/0/match/0/www_example_com",
        }));

        Assert.That(xds.Clusters.Select(c => c.Name), Is.EqualTo(new[] { "httproute/default/backend/rule/0" }));
        Assert.That(xds.Clusters[0].EdsClusterConfig.ServiceName, Is.EqualTo("httproute/default/backend/rule/0"));
        Assert.That(xds.Endpoints.Single().Endpoints.Single().Locality.Region, Is.EqualTo("httproute/default/backend/rule/0/backend/0"));
    }

    [Test]
    public void A_route_without_hostnames_on_a_listener_without_hostname_gets_the_wildcard_virtual_host()
    {
        var route = Route.Replace("  hostnames:\n  - www.example.com\n  - api.example.com\n", string.Empty, System.StringComparison.Ordinal);
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 8080"), route,
            Inputs.Service("backend", 3000, "10.0.0.1"));

        VirtualHost host = xds.Routes.Single().VirtualHosts.Single();
        Assert.That(host.Name, Is.EqualTo("default/eg/http/*"));
        Assert.That(host.Domains, Is.EqualTo(new[] { "*" }));
        Assert.That(host.Routes[0].Name, Does.EndWith("/match/1/*"));
    }

    [Test]
    public void Listener_hostnames_narrow_route_wildcards()
    {
        var route = Route.Replace("  - www.example.com\n  - api.example.com\n", "  - \"*.example.com\"\n", System.StringComparison.Ordinal);
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80\n  hostname: foo.example.com"), route,
            Inputs.Service("backend", 3000, "10.0.0.1"));

        Assert.That(xds.Routes.Single().VirtualHosts.Single().Name, Is.EqualTo("default/eg/http/foo_example_com"));
    }
}
