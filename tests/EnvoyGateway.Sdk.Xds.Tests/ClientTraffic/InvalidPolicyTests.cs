using System.Linq;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.ClientTraffic;

/// <summary>A ClientTrafficPolicy that fails to build for a listener (policy-attachment.md §8.4).</summary>
public class InvalidPolicyTests
{
    [Test]
    public void Http_routes_answer_500_and_settings_applied_after_a_clean_build_are_dropped()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass,
            Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80\n- name: other\n  protocol: HTTP\n  port: 8080"),
            CtpInputs.Route("web", "a"), Inputs.Service("a", 80, "10.0.0.1"),
            CtpInputs.Policy("bad", """
                  tcpKeepalive:
                    probes: 3
                  path:
                    escapedSlashesAction: RejectRequest
                  http2:
                    initialStreamWindowSize: 1Ki
                """, "http"));

        var routes = xds.Routes.Single(r => r.Name == "default/eg/http").VirtualHosts.SelectMany(v => v.Routes).ToList();
        Assert.That(routes.Select(r => r.DirectResponse?.Status), Has.All.EqualTo(500u));
        Assert.That(routes.Select(r => r.Route_), Has.All.Null);
        Assert.That(xds.Clusters.Select(c => c.Name), Does.Contain("httproute/default/web/rule/0"), "the cluster stays");
        Assert.That(CtpInputs.Listener(xds, "default/eg/http").SocketOptions, Is.Empty, "keepalive needs a clean build");
        Assert.That(CtpInputs.Hcm(xds, "default/eg/http").PathWithEscapedSlashesAction,
            Is.EqualTo(global::Envoy.Extensions.Filters.Network.HttpConnectionManager.V3.HttpConnectionManager.Types.PathWithEscapedSlashesAction.RejectRequest),
            "path settings are applied while the policy is walked");

        var other = xds.Routes.Single(r => r.Name == "default/eg/other").VirtualHosts.SelectMany(v => v.Routes);
        Assert.That(other.Select(r => r.Route_?.Cluster), Has.All.EqualTo("httproute/default/web/rule/0"), "other listeners are untouched");
    }

    [Test]
    public void Tcp_listener_loses_its_routes()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass,
            Inputs.Gateway("eg", "- name: tcp\n  protocol: TCP\n  port: 9000\n- name: tcp2\n  protocol: TCP\n  port: 9001"),
            CtpInputs.Route("db", "db", "TCPRoute"), Inputs.Service("db", 80, "10.0.3.1"),
            CtpInputs.Policy("bad", "  connection:\n    bufferLimit: 5Gi", "tcp"));

        Assert.That(xds.Listeners.Select(l => l.Name), Is.EqualTo(new[] { "default/eg/tcp2" }));
    }
}
