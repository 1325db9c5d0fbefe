using System.Linq;
using Envoy.Config.Route.V3;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

/// <summary>BackendTrafficPolicy httpUpgrade → RouteAction.upgrade_configs, CONNECT → connect_config / connect_matcher.</summary>
public class HttpUpgradeTests
{
    private static string[] UpgradeTypes(Route route) => route.Route_.UpgradeConfigs.Select(u => u.UpgradeType).ToArray();

    [Test]
    public void Without_http_upgrade_a_route_allows_websocket_only()
    {
        var route = BtpInputs.Translate("retry:\n  numRetries: 2").Route();
        Assert.That(UpgradeTypes(route), Is.EqualTo(new[] { "websocket" }));
        Assert.That(route.Match.PathSpecifierCase, Is.EqualTo(RouteMatch.PathSpecifierOneofCase.Prefix));
    }

    [Test]
    public void Http_upgrade_replaces_the_default_with_the_listed_types_in_order()
    {
        var xds = BtpInputs.Translate("httpUpgrade:\n- type: spdy/3.1\n- type: websocket");
        var route = xds.Route();
        Assert.That(UpgradeTypes(route), Is.EqualTo(new[] { "spdy/3.1", "websocket" }));
        Assert.That(route.Route_.UpgradeConfigs.All(u => u.ConnectConfig is null), Is.True);
        Assert.That(route.Match.Prefix, Is.EqualTo("/"), "no CONNECT entry: the path match stays");
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void Connect_with_terminate_gets_a_connect_config_and_a_connect_matcher()
    {
        var xds = BtpInputs.Translate("httpUpgrade:\n- type: CONNECT\n  connect:\n    terminate: true");
        var route = xds.Route();
        var upgrade = route.Route_.UpgradeConfigs.Single();
        Assert.That(upgrade.UpgradeType, Is.EqualTo("CONNECT"));
        Assert.That(upgrade.ConnectConfig, Is.Not.Null);
        Assert.That(upgrade.ConnectConfig.ProxyProtocolConfig, Is.Null);
        Assert.That(route.Match.PathSpecifierCase, Is.EqualTo(RouteMatch.PathSpecifierOneofCase.ConnectMatcher));
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void Connect_without_terminate_is_proxied_upstream_without_connect_config()
    {
        var route = BtpInputs.Translate("httpUpgrade:\n- type: CONNECT").Route();
        Assert.That(route.Route_.UpgradeConfigs.Single().ConnectConfig, Is.Null);
        Assert.That(route.Match.ConnectMatcher, Is.Not.Null);
    }

    [Test]
    public void Request_buffer_drops_the_default_websocket_but_keeps_explicit_upgrades()
    {
        var buffered = BtpInputs.Translate("requestBuffer:\n  limit: 4Ki").Route();
        Assert.That(buffered.Route_.UpgradeConfigs, Is.Empty);

        var both = BtpInputs.Translate("requestBuffer:\n  limit: 4Ki\nhttpUpgrade:\n- type: websocket").Route();
        Assert.That(UpgradeTypes(both), Is.EqualTo(new[] { "websocket" }));
        Assert.That(both.TypedPerFilterConfig.ContainsKey("envoy.filters.http.buffer"), Is.True);
    }
}
