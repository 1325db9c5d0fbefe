using NUnit.Framework;

namespace EnvoyGateway.Sdk.Testing.Tests;

public sealed class PolicyAssertionTests
{
    [Test]
    public void Passing_status_assertions()
    {
        Scenario.Edge.Policy("BackendTrafficPolicy", "apps", "blog-second").IsConflicted()
            .HasCondition("Accepted", "False", "Conflicted", "Unable to target HTTPRoute blog, another BackendTrafficPolicy has already attached to it");
        Scenario.Edge.Policy("BackendTrafficPolicy", "apps", "blog-replace").IsAccepted();
        Scenario.Edge.Policy("BackendTrafficPolicy", "infra", "gateway-defaults").IsAccepted()
            .IsOverriddenBy("apps/blog-replace").IsOverriddenBy("infra/admin-listener").IsMergedBy("apps/shop-merge");
        Scenario.Edge.Policy("ClientTrafficPolicy", "infra", "gateway-client").IsOverriddenBy("infra/admin-client"); // CTP lists bare sections
    }

    [Test]
    public void A_failed_status_assertion_lists_the_conditions_it_got()
    {
        Assert.That(Failures.MessageOf(() => Scenario.Edge.Policy("BackendTrafficPolicy", "apps", "blog-replace").IsConflicted()),
            Is.EqualTo("Expected BackendTrafficPolicy apps/blog-replace not to be accepted (Conflicted), but its status is: "
                + "Gateway infra/edge: Accepted=True (Accepted): Policy has been accepted."));
    }

    [Test]
    public void Overridden_by_a_policy_that_does_not_override_it_names_what_that_policy_applies_to()
    {
        Assert.That(Failures.MessageOf(() => Scenario.Edge.Policy("BackendTrafficPolicy", "infra", "gateway-defaults").IsOverriddenBy("apps/checkout-rule")),
            Does.StartWith("Expected BackendTrafficPolicy infra/gateway-defaults to be overridden by BackendTrafficPolicy apps/checkout-rule, which applies to [apps/shop/checkout], but its status is: Gateway infra/edge: "));
        Assert.That(Failures.MessageOf(() => Scenario.Edge.Policy("BackendTrafficPolicy", "apps", "blog-second").IsOverriddenBy("apps/blog-replace")),
            Is.EqualTo("Expected BackendTrafficPolicy apps/blog-second to be overridden by BackendTrafficPolicy apps/blog-replace, but its status is: "
                + "Gateway infra/edge: Accepted=False (Conflicted): Unable to target HTTPRoute blog, another BackendTrafficPolicy has already attached to it."));
    }

    [Test]
    public void An_unknown_policy_fails_with_the_known_ones()
    {
        Assert.That(Failures.MessageOf(() => Scenario.Edge.Policy("SecurityPolicy", "apps", "nope")),
            Does.StartWith("No SecurityPolicy apps/nope in the input (known: BackendTrafficPolicy infra/gateway-defaults, "));
    }
}
