using EnvoyGateway.Sdk.Translation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Testing.Tests;

public sealed class FieldAssertionTests
{
    [Test]
    public void Passing_assertions_on_values_and_provenance_read_like_the_rules()
    {
        var browse = Scenario.Edge.Route("apps", "shop", rule: "browse").BackendTraffic;

        browse.AppliesFrom("apps/shop-merge", AttachmentLevel.Route).IsMergedInto("infra/gateway-defaults");
        browse.Field("spec.timeout.http.requestTimeout").Is("10s").From("infra/gateway-defaults", AttachmentLevel.Gateway);
        browse.Field("spec.circuitBreaker.maxConnections").Is(50).From("apps/shop-merge");
        Scenario.Edge.Route("apps", "shop", rule: "checkout").BackendTraffic.Field("spec.circuitBreaker").IsUnset();
        Scenario.Edge.Listener("infra", "edge", "admin").ClientTraffic.Field("spec.timeout.http.idleTimeout").Is("50s").From("infra/admin-client", AttachmentLevel.GatewayListener);
    }

    [Test]
    public void A_wrong_value_names_the_value_and_the_policy_that_replaced_everything()
    {
        var message = Failures.MessageOf(() =>
            Scenario.Edge.Route("apps", "blog", listener: "infra/edge/http").BackendTraffic.Field("spec.timeout.http.requestTimeout").Is("10s"));

        Assert.That(message, Is.EqualTo("BackendTrafficPolicy on HTTPRoute apps/blog on listener infra/edge/http: expected spec.timeout.http.requestTimeout to be \"10s\", "
            + "but it was \"3s\", set by BackendTrafficPolicy apps/blog-replace at Route (replacing everything above it)."));
    }

    [Test]
    public void A_wrong_origin_says_the_value_came_through_a_merge()
    {
        var message = Failures.MessageOf(() =>
            Scenario.Edge.Route("apps", "shop", rule: "browse").BackendTraffic.Field("spec.timeout.http.requestTimeout").From("apps/shop-merge"));

        Assert.That(message, Is.EqualTo("BackendTrafficPolicy on HTTPRoute apps/shop rule browse: expected spec.timeout.http.requestTimeout to come from BackendTrafficPolicy apps/shop-merge, "
            + "but it was \"10s\", inherited from BackendTrafficPolicy infra/gateway-defaults at Gateway (through the merge of BackendTrafficPolicy apps/shop-merge at Route)."));
    }

    [Test]
    public void An_unset_field_names_the_policy_that_applies_instead()
    {
        var message = Failures.MessageOf(() =>
            Scenario.Edge.Route("apps", "shop", rule: "checkout").BackendTraffic.Field("spec.circuitBreaker.maxConnections").Is(100));

        Assert.That(message, Is.EqualTo("BackendTrafficPolicy on HTTPRoute apps/shop rule checkout: expected spec.circuitBreaker.maxConnections to be 100, "
            + "but it is not set; BackendTrafficPolicy is BackendTrafficPolicy apps/checkout-rule at RouteRule (replacing everything above it)."));
    }

    [Test]
    public void A_field_expected_unset_shows_its_value_and_origin()
    {
        var message = Failures.MessageOf(() =>
            Scenario.Edge.Route("apps", "ops").Security.Field("spec.cors.allowOrigins[0]").IsUnset());

        Assert.That(message, Is.EqualTo("SecurityPolicy on HTTPRoute apps/ops: expected spec.cors.allowOrigins[0] to be unset, "
            + "but it was \"https://ops.example.com\", set by SecurityPolicy apps/ops-cors at Route (merged into SecurityPolicy infra/gateway-cors)."));
    }

    [Test]
    public void No_applying_policy_and_unknown_routes_fail_with_what_exists()
    {
        var scenario = Scenario.Edge.WithYaml("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {namespace: infra, name: bare}
            spec:
              gatewayClassName: eg
              listeners: [{name: http, protocol: HTTP, port: 81}]
            """);

        Assert.That(Failures.MessageOf(() => scenario.Listener("infra", "bare", "http").ClientTraffic.Field("spec.timeout").Is("1s")),
            Is.EqualTo("ClientTrafficPolicy on listener infra/bare/http: expected spec.timeout to be \"1s\", but no ClientTrafficPolicy applies."));
        Assert.That(Failures.MessageOf(() => Scenario.Edge.Route("apps", "shop", rule: "refunds").BackendTraffic.IsNone()),
            Is.EqualTo("BackendTrafficPolicy on HTTPRoute apps/shop rule refunds: HTTPRoute apps/shop has no rule 'refunds' (rules: browse, checkout)."));
    }

    [Test]
    public void The_wrong_winner_is_named()
    {
        Assert.That(Failures.MessageOf(() => Scenario.Edge.Route("apps", "ops").BackendTraffic.AppliesFrom("infra/gateway-defaults")),
            Is.EqualTo("BackendTrafficPolicy on HTTPRoute apps/ops: expected BackendTrafficPolicy infra/gateway-defaults to apply, "
                + "but BackendTrafficPolicy infra/admin-listener at GatewayListener (replacing everything above it) applies."));
    }
}
