using System.IO;
using EnvoyGateway.Sdk.Testing;
using EnvoyGateway.Sdk.Translation;
using NUnit.Framework;

namespace MergeTests;

/// <summary>
/// What our platform guarantees to app teams, and what app teams may change. If someone edits a policy in a way that
/// breaks one of these, the failure says which policy did it.
/// </summary>
public sealed class GatewayPolicyTests
{
    private static readonly PolicyScenario Cluster = PolicyScenario.FromFiles(
        Path.Combine(TestContext.CurrentContext.TestDirectory, "policies", "gateway.yaml"),
        Path.Combine(TestContext.CurrentContext.TestDirectory, "policies", "apps.yaml"));

    [Test]
    public void A_merging_route_policy_changes_retries_and_keeps_the_platform_timeout()
    {
        var receipts = Cluster.Route("payments", "checkout", rule: "receipts").BackendTraffic;

        receipts.AppliesFrom("payments/checkout", AttachmentLevel.Route).IsMergedInto("platform/defaults");
        receipts.Field("spec.retry.numRetries").Is(0).From("payments/checkout");
        receipts.Field("spec.timeout.http.requestTimeout").Is("15s").From("platform/defaults", AttachmentLevel.Gateway);
        receipts.Field("spec.circuitBreaker.maxConnections").Is(1024).From("platform/defaults");
    }

    [Test]
    public void A_rule_policy_without_merge_type_drops_the_platform_defaults_for_that_rule()
    {
        var pay = Cluster.Route("payments", "checkout", rule: "pay").BackendTraffic;

        pay.AppliesFrom("payments/pay-timeout", AttachmentLevel.RouteRule);
        pay.Field("spec.timeout.http.requestTimeout").Is("60s");
        pay.Field("spec.circuitBreaker").IsUnset();
    }

    [Test]
    public void The_second_policy_on_a_route_is_conflicted_and_the_first_applies()
    {
        Cluster.Policy("BackendTrafficPolicy", "search", "search-slow").IsConflicted();
        Cluster.Policy("BackendTrafficPolicy", "search", "search-fast").IsAccepted();
        Cluster.Route("search", "search").BackendTraffic.Field("spec.timeout.http.requestTimeout").Is("2s").From("search/search-fast");
    }

    [Test]
    public void The_platform_defaults_report_who_overrides_and_who_merges_them()
    {
        Cluster.Policy("BackendTrafficPolicy", "platform", "defaults")
            .IsAccepted()
            .IsMergedBy("payments/checkout")
            .IsOverriddenBy("search/search-fast")
            .HasCondition("Overridden", "True", "Overridden",
                "This policy is being overridden by other backendTrafficPolicies for these routes: [search/search]");
    }

    [Test]
    public void The_internal_listener_keeps_connections_open_longer()
    {
        Cluster.Listener("platform", "public", "internal").ClientTraffic
            .AppliesFrom("platform/internal-client", AttachmentLevel.GatewayListener)
            .Field("spec.timeout.http.idleTimeout").Is("5m");
        Cluster.Listener("platform", "public", "web").ClientTraffic
            .Field("spec.timeout.http.idleTimeout").Is("30s").From("platform/client-defaults", AttachmentLevel.Gateway);
        Cluster.Policy("ClientTrafficPolicy", "platform", "client-defaults").IsOverriddenBy("platform/internal-client");
    }

    [Test]
    public void Every_route_gets_the_platform_cors_origins()
    {
        foreach (var (ns, route, rule) in new[] { ("payments", "checkout", "pay"), ("payments", "checkout", "receipts"), ("search", "search", (string?)null) })
        {
            Cluster.Route(ns, route, rule).Security
                .Field("spec.cors.allowOrigins[0]").Is("https://www.example.com").From("platform/cors", AttachmentLevel.Gateway);
        }
    }
}
