using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace EnvoyGateway.Cli.Tests;

public sealed class ExplainTests
{
    private static readonly string Scenario = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scenario.yaml");

    private static readonly string WithListenerSet = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "listenerset.yaml");

    [Test]
    public void A_merged_route_rule_shows_every_policy_its_role_and_where_each_field_came_from()
    {
        var (exit, stdout, stderr) = CliRunner.Run("explain", "-f", Scenario, "--route", "apps/shop/browse", "--listener", "infra/edge/http");

        Assert.That((exit, stderr), Is.EqualTo((0, string.Empty)));
        Assert.That(stdout, Is.EqualTo("""
            HTTPRoute apps/shop rule browse on listener infra/edge/http

              BackendTrafficPolicy
                Route    apps/shop   apps/shop-merge         applies
                Gateway  infra/edge  infra/gateway-defaults  merged: apps/shop-merge is merged into it
                effective: apps/shop-merge at Route merged into infra/gateway-defaults
                  spec.circuitBreaker.maxConnections  50     from apps/shop-merge (Route)
                  spec.timeout.http.requestTimeout    "10s"  from infra/gateway-defaults (Gateway)

              SecurityPolicy
                Gateway  infra/edge  infra/gateway-cors  applies
                effective: infra/gateway-cors at Gateway (replaces everything above it)
                  spec.cors.allowOrigins[0]  "https://example.com"  from infra/gateway-cors (Gateway)

              ClientTrafficPolicy
                Gateway  infra/edge  infra/gateway-client  applies
                effective: infra/gateway-client at Gateway (replaces everything above it)
                  spec.timeout.http.idleTimeout  "5s"  from infra/gateway-client (Gateway)


            """.Replace("\r\n", "\n")));
    }

    [Test]
    public void Conflicted_and_overridden_policies_are_named_with_the_policy_that_beat_them()
    {
        var (_, stdout, _) = CliRunner.Run("explain", "-f", Scenario, "--route", "apps/blog", "--listener", "infra/edge/admin");

        Assert.That(stdout, Does.Contain("    Route            apps/blog         apps/blog-replace       applies\n"));
        Assert.That(stdout, Does.Contain("    Route            apps/blog         apps/blog-second        conflicted: apps/blog-replace attached to apps/blog first\n"));
        Assert.That(stdout, Does.Contain("    GatewayListener  infra/edge/admin  infra/admin-listener    overridden by apps/blog-replace\n"));
        Assert.That(stdout, Does.Contain("    effective: apps/blog-replace at Route (replaces everything above it)\n"));
    }

    [Test]
    public void A_gateway_explains_each_listener_and_json_carries_the_same_facts()
    {
        var (exit, stdout, _) = CliRunner.Run("explain", "-f", Scenario, "--gateway", "infra/edge", "--format", "json");

        Assert.That(exit, Is.Zero);
        var scopes = JsonDocument.Parse(stdout).RootElement;
        Assert.That(scopes.EnumerateArray().Select(s => s.GetProperty("scope").GetString()), Is.EqualTo(new[] { "listener infra/edge/http", "listener infra/edge/admin" }));
        var adminClient = scopes[1].GetProperty("kinds")[2];
        Assert.That(adminClient.GetProperty("policies")[1].GetProperty("role").GetString(), Is.EqualTo("Overridden"));
        Assert.That(adminClient.GetProperty("policies")[1].GetProperty("by").GetString(), Is.EqualTo("infra/admin-client"));
        var field = adminClient.GetProperty("effective").GetProperty("fields")[0];
        var expected = JsonDocument.Parse("""{"path":"spec.timeout.http.idleTimeout","value":"50s","policy":"infra/admin-client","level":"GatewayListener","viaMerge":false}""").RootElement;
        Assert.That(JsonElement.DeepEquals(field, expected), Is.True, field.GetRawText());
        Assert.That(field.GetProperty("value").GetString(), Is.EqualTo("50s"));
        Assert.That(field.GetProperty("policy").GetString(), Is.EqualTo("infra/admin-client"));
    }

    [Test]
    public void A_route_without_listener_is_explained_on_each_listener_it_is_attached_to_with_that_listeners_client_traffic_policy()
    {
        var (exit, stdout, stderr) = CliRunner.Run("explain", "-f", Scenario, "--route", "apps/blog");

        Assert.That((exit, stderr), Is.EqualTo((0, string.Empty)));
        var scopes = stdout.Split('\n').Where(l => l.StartsWith("HTTPRoute ", System.StringComparison.Ordinal));
        Assert.That(scopes, Is.EqualTo(new[] { "HTTPRoute apps/blog on listener infra/edge/http", "HTTPRoute apps/blog on listener infra/edge/admin" }));
        var split = stdout.IndexOf("HTTPRoute apps/blog on listener infra/edge/admin", System.StringComparison.Ordinal);
        var (http, admin) = (stdout[..split], stdout[split..]);
        Assert.That(http, Does.EndWith("""
              ClientTrafficPolicy
                Gateway  infra/edge  infra/gateway-client  applies
                effective: infra/gateway-client at Gateway (replaces everything above it)
                  spec.timeout.http.idleTimeout  "5s"  from infra/gateway-client (Gateway)


            """.Replace("\r\n", "\n")));
        Assert.That(admin, Does.EndWith("""
              ClientTrafficPolicy
                GatewayListener  infra/edge/admin  infra/admin-client    applies
                Gateway          infra/edge        infra/gateway-client  overridden by infra/admin-client
                effective: infra/admin-client at GatewayListener (replaces everything above it)
                  spec.timeout.http.idleTimeout  "50s"  from infra/admin-client (GatewayListener)


            """.Replace("\r\n", "\n")));
    }

    [Test]
    public void A_route_on_one_listener_shows_its_client_traffic_policy_without_naming_the_listener()
    {
        var (exit, stdout, _) = CliRunner.Run("explain", "-f", Scenario, "--route", "apps/ops", "--format", "json");

        Assert.That(exit, Is.Zero);
        var scope = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single();
        Assert.That(scope.GetProperty("scope").GetString(), Is.EqualTo("HTTPRoute apps/ops on listener infra/edge/admin"));
        Assert.That(scope.GetProperty("kinds").EnumerateArray().Select(k => k.GetProperty("kind").GetString()),
            Is.EqualTo(new[] { "BackendTrafficPolicy", "SecurityPolicy", "ClientTrafficPolicy" }));
        Assert.That(scope.GetProperty("kinds")[2].GetProperty("effective").GetProperty("policy").GetString(), Is.EqualTo("infra/admin-client"));
    }

    [Test]
    public void A_gateway_is_explained_on_its_own_listeners_and_on_those_of_its_listener_sets()
    {
        var (exit, stdout, stderr) = CliRunner.Run("explain", "-f", WithListenerSet, "--gateway", "infra/edge");

        Assert.That((exit, stderr), Is.EqualTo((0, string.Empty)));
        Assert.That(stdout, Is.EqualTo("""
            listener infra/edge/http

              BackendTrafficPolicy
                Gateway  infra/edge  infra/edge-traffic  applies

              SecurityPolicy
                no policy attached

              ClientTrafficPolicy
                Gateway  infra/edge  infra/edge-client  applies
                effective: infra/edge-client at Gateway (replaces everything above it)
                  spec.timeout.http.idleTimeout  "5s"  from infra/edge-client (Gateway)

            listener infra/edge/apps/extra/more

              BackendTrafficPolicy
                ListenerSet  apps/extra  apps/extra-traffic  applies
                Gateway      infra/edge  infra/edge-traffic  overridden by apps/extra-traffic

              SecurityPolicy
                no policy attached

              ClientTrafficPolicy
                ListenerSet  apps/extra  apps/extra-client  applies
                Gateway      infra/edge  infra/edge-client  overridden by apps/extra-client
                effective: apps/extra-client at ListenerSet (replaces everything above it)
                  spec.timeout.http.idleTimeout  "7s"  from apps/extra-client (ListenerSet)


            """.Replace("\r\n", "\n")));
    }

    [Test]
    public void A_route_through_a_listener_set_gets_that_listener_sets_policies_and_a_listener_set_listener_can_be_named()
    {
        var (exit, stdout, _) = CliRunner.Run("explain", "-f", WithListenerSet, "--route", "apps/shop", "--format", "json");

        Assert.That(exit, Is.Zero);
        var scopes = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.That(scopes.Select(s => s.GetProperty("scope").GetString()),
            Is.EqualTo(new[] { "HTTPRoute apps/shop on listener infra/edge/http", "HTTPRoute apps/shop on listener infra/edge/apps/extra/more" }));
        Assert.That(scopes.Select(s => s.GetProperty("kinds")[0].GetProperty("effective").GetProperty("fields")[0].GetProperty("value").GetString()),
            Is.EqualTo(new[] { "10s", "20s" }), "the request timeout of the Gateway's policy, then of the ListenerSet's");
        Assert.That(scopes.Select(s => s.GetProperty("kinds")[2].GetProperty("effective").GetProperty("level").GetString()), Is.EqualTo(new[] { "Gateway", "ListenerSet" }));

        var (namedExit, named, _) = CliRunner.Run("explain", "-f", WithListenerSet, "--route", "apps/shop", "--listener", "infra/edge/apps/extra/more");
        Assert.That(namedExit, Is.Zero);
        Assert.That(named, Does.StartWith("HTTPRoute apps/shop on listener infra/edge/apps/extra/more\n"));
        Assert.That(named, Does.Not.Contain("infra/edge/http"));
        var wholeGateway = CliRunner.Run("explain", "-f", WithListenerSet, "--gateway", "infra/edge").Stdout;
        var oneListener = CliRunner.Run("explain", "-f", WithListenerSet, "--gateway", "infra/edge/apps/extra/more").Stdout;
        Assert.That(oneListener, Does.StartWith("listener infra/edge/apps/extra/more\n"));
        Assert.That(wholeGateway, Does.EndWith(oneListener));
    }

    [TestCase(new[] { "--route", "apps/shop/refunds", "--listener", "infra/edge/http" }, 1, "egsdk: HTTPRoute apps/shop has no rule 'refunds' (rules: browse, checkout).\n")]
    [TestCase(new[] { "--route", "apps/shop/refunds" }, 1, "egsdk: HTTPRoute apps/shop has no rule 'refunds' (rules: browse, checkout).\n")]
    [TestCase(new[] { "--route", "apps/nope" }, 1, "egsdk: No HTTPRoute apps/nope attached to a managed Gateway in the input.\n")]
    [TestCase(new[] { "--gateway", "infra/nope" }, 1, "egsdk: No Gateway infra/nope of a managed GatewayClass in the input.\n")]
    [TestCase(new[] { "--gateway", "infra/edge/nope" }, 1, "egsdk: No listener infra/edge/nope on a managed Gateway in the input.\n")]
    [TestCase(new[] { "--route", "apps/blog", "--listener", "infra/edge/apps/extra" }, 2,
        "egsdk: --listener 'infra/edge/apps/extra' must be gatewayNamespace/gateway/listener or gatewayNamespace/gateway/listenerSetNamespace/listenerSet/listener.\n")]
    [TestCase(new[] { "--route", "apps" }, 2, "egsdk: --route 'apps' must be namespace/name or namespace/name/rule.\n")]
    [TestCase(new[] { "--route", "apps/blog", "--gateway", "infra/edge" }, 2, "egsdk: Give exactly one of --route or --gateway.\nRun 'egsdk --help' for usage.\n")]
    public void Bad_references_say_what_exists_and_bad_usage_exits_2(string[] options, int expectedExit, string expectedError)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["explain", "-f", Scenario, .. options]);

        Assert.That((exit, stdout, stderr.Replace("\r\n", "\n")), Is.EqualTo((expectedExit, string.Empty, expectedError)));
    }
}
