using System.IO;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Translation.Tests.Effective;

/// <summary>
/// Which policy applies to a route rule or listener, and where each field comes from. Read as documentation of the
/// rules: the most specific attachment wins; without mergeType it replaces everything above it; with mergeType it is
/// patched over its parent.
/// </summary>
public sealed class EffectivePolicyTests
{
    private static readonly PolicyResolution Resolution = PolicyResolver.Resolve(
        ResourceSet.FromFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scenario.yaml")));

    private static readonly ListenerRef Http = new("infra", "edge", "http");
    private static readonly ListenerRef Admin = new("infra", "edge", "admin");

    [Test]
    public void A_rule_level_policy_wins_over_everything_for_its_rule()
    {
        var effective = Resolution.EffectiveBackendTrafficPolicy(RouteRuleRef.HttpRoute("apps", "shop", "checkout"))!;

        Assert.That(effective.Winner, Is.EqualTo(new PolicyRef("BackendTrafficPolicy", "apps", "checkout-rule")));
        Assert.That(effective.Level, Is.EqualTo(AttachmentLevel.RouteRule));
        Assert.That(effective.ValueOf("spec.retry.numRetries")?.GetInt32(), Is.EqualTo(5));
        Assert.That(effective.ValueOf("spec.circuitBreaker"), Is.Null, "no mergeType: the gateway's circuit breaker does not reach this rule");
    }

    [Test]
    public void Strategic_merge_keeps_parent_fields_the_route_does_not_set_and_says_where_each_came_from()
    {
        var effective = Resolution.EffectiveBackendTrafficPolicy(RouteRuleRef.HttpRoute("apps", "shop", "browse"))!;

        Assert.That(effective.Winner.Name, Is.EqualTo("shop-merge"));
        Assert.That(effective.MergedInto, Is.EqualTo(new PolicyRef("BackendTrafficPolicy", "infra", "gateway-defaults")));
        Assert.That(effective.ValueOf("spec.circuitBreaker.maxConnections")?.GetInt32(), Is.EqualTo(50), "the route's value wins");
        Assert.That(effective.ValueOf("spec.timeout.http.requestTimeout")?.GetString(), Is.EqualTo("10s"), "inherited from the gateway");
        Assert.That(effective.ProvenanceOf("spec.circuitBreaker.maxConnections"),
            Is.EqualTo(new FieldProvenance("spec.circuitBreaker.maxConnections", new PolicyRef("BackendTrafficPolicy", "apps", "shop-merge"), AttachmentLevel.Route, ViaMerge: true)));
        Assert.That(effective.ProvenanceOf("spec.timeout.http.requestTimeout"),
            Is.EqualTo(new FieldProvenance("spec.timeout.http.requestTimeout", new PolicyRef("BackendTrafficPolicy", "infra", "gateway-defaults"), AttachmentLevel.Gateway, ViaMerge: true)));
    }

    [Test]
    public void Without_merge_a_route_policy_replaces_the_gateway_policy_entirely()
    {
        var effective = Resolution.EffectiveBackendTrafficPolicy(RouteRuleRef.HttpRoute("apps", "blog"), Http)!;

        Assert.That(effective.Winner.Name, Is.EqualTo("blog-replace"), "blog-second conflicts and does not apply");
        Assert.That(effective.MergedInto, Is.Null);
        Assert.That(effective.ValueOf("spec.timeout.http.requestTimeout")?.GetString(), Is.EqualTo("3s"));
        Assert.That(effective.ValueOf("spec.circuitBreaker"), Is.Null);
        Assert.That(effective.ProvenanceOf("spec.timeout")!.Level, Is.EqualTo(AttachmentLevel.Route));
    }

    [Test]
    public void A_listener_level_policy_applies_to_routes_on_that_listener_only()
    {
        var onAdmin = Resolution.EffectiveBackendTrafficPolicy(RouteRuleRef.HttpRoute("apps", "ops"))!;

        Assert.That(onAdmin.Winner.Name, Is.EqualTo("admin-listener"));
        Assert.That(onAdmin.Level, Is.EqualTo(AttachmentLevel.GatewayListener));
    }

    [Test]
    public void Json_merge_security_policy_merges_into_the_gateway_policy()
    {
        var effective = Resolution.EffectiveSecurityPolicy(RouteRuleRef.HttpRoute("apps", "ops"))!;

        Assert.That(effective.Winner.Name, Is.EqualTo("ops-cors"));
        Assert.That(effective.MergedInto?.Name, Is.EqualTo("gateway-cors"));
        Assert.That(effective.ValueOf("spec.cors.allowOrigins[0]")?.GetString(), Is.EqualTo("https://ops.example.com"), "JSON merge replaces lists");
        Assert.That(effective.ValueOf("spec.cors.allowOrigins[1]"), Is.Null);
    }

    [Test]
    public void Client_traffic_policy_per_listener_section_beats_gateway()
    {
        Assert.That(Resolution.EffectiveClientTrafficPolicy(Admin)!.Winner.Name, Is.EqualTo("admin-client"));
        Assert.That(Resolution.EffectiveClientTrafficPolicy(Admin)!.Level, Is.EqualTo(AttachmentLevel.GatewayListener));
        Assert.That(Resolution.EffectiveClientTrafficPolicy(Http)!.Winner.Name, Is.EqualTo("gateway-client"));
        Assert.That(Resolution.EffectiveClientTrafficPolicy(Http)!.Level, Is.EqualTo(AttachmentLevel.Gateway));
    }

    [Test]
    public void Ambiguous_or_unknown_references_say_what_exists()
    {
        var ambiguous = Assert.Throws<System.ArgumentException>(() => Resolution.EffectiveBackendTrafficPolicy(RouteRuleRef.HttpRoute("apps", "shop")));
        var unknownRule = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => Resolution.EffectiveBackendTrafficPolicy(RouteRuleRef.HttpRoute("apps", "shop", "refunds")));

        Assert.That(ambiguous!.Message, Does.Contain("has 2 rules"));
        Assert.That(unknownRule!.Message, Does.Contain("rules: browse, checkout"));
    }

    // ops has no BackendTrafficPolicy of its own, so it is not listed: only routes a same-kind policy targets are.
    [Test]
    public void Status_of_the_scenario_reads_as_expected()
    {
        var blogSecond = Resolution.StatusOf("BackendTrafficPolicy", "apps", "blog-second");
        var gateway = Resolution.StatusOf("BackendTrafficPolicy", "infra", "gateway-defaults");

        Assert.That(blogSecond.Ancestors[0].Conditions[0].Message, Is.EqualTo("Unable to target HTTPRoute blog, another BackendTrafficPolicy has already attached to it"));
        Assert.That(gateway.Ancestors[0].Conditions, Has.Some.Matches<Sdk.Translation.Status.PolicyCondition>(c => c!.Type == "Merged"
            && c.Message == "This policy is being merged by other backendTrafficPolicies for these routes: [apps/shop]"));
        Assert.That(gateway.Ancestors[0].Conditions, Has.Some.Matches<Sdk.Translation.Status.PolicyCondition>(c => c!.Type == "Overridden"
            && c.Message == "This policy is being overridden by other backendTrafficPolicies for these gateway listeners: [infra/edge/admin] and these routes: [apps/blog]"));
    }
}
