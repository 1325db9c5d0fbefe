using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace EnvoyGateway.Cli.Tests;

public sealed class ExplainTests
{
    private static readonly string Scenario = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scenario.yaml");

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

    [TestCase(new[] { "--route", "apps/blog" }, 1, "egsdk: HTTPRoute apps/blog is attached to 2 listeners (infra/edge/http, infra/edge/admin): name one.\n")]
    [TestCase(new[] { "--route", "apps/shop/refunds", "--listener", "infra/edge/http" }, 1, "egsdk: HTTPRoute apps/shop has no rule 'refunds' (rules: browse, checkout).\n")]
    [TestCase(new[] { "--gateway", "infra/nope" }, 1, "egsdk: No Gateway infra/nope in the input.\n")]
    [TestCase(new[] { "--route", "apps" }, 2, "egsdk: --route 'apps' must be namespace/name or namespace/name/rule.\n")]
    [TestCase(new[] { "--route", "apps/blog", "--gateway", "infra/edge" }, 2, "egsdk: Give exactly one of --route or --gateway.\nRun 'egsdk --help' for usage.\n")]
    public void Bad_references_say_what_exists_and_bad_usage_exits_2(string[] options, int expectedExit, string expectedError)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["explain", "-f", Scenario, .. options]);

        Assert.That((exit, stdout, stderr.Replace("\r\n", "\n")), Is.EqualTo((expectedExit, string.Empty, expectedError)));
    }
}
