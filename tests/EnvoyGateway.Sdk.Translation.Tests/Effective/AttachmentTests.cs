using System.IO;
using System.Linq;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Translation.Tests.Effective;

/// <summary>Which policies target a route rule's or listener's chain, and the role each plays there.</summary>
public sealed class AttachmentTests
{
    private static readonly PolicyResolution Resolution = PolicyResolver.Resolve(
        ResourceSet.FromFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scenario.yaml")));

    private static string[] Lines(System.Collections.Immutable.ImmutableArray<PolicyAttachment> attachments) =>
        attachments.Select(a => $"{a.Policy.Kind} {a.Policy.Namespace}/{a.Policy.Name} {a.Level} {a.Target} {a.Role} {a.By?.Name}").ToArray();

    [Test]
    public void A_merging_route_policy_applies_and_the_gateway_policy_is_merged_into()
    {
        Assert.That(Lines(Resolution.AttachmentsOf(RouteRuleRef.HttpRoute("apps", "shop", "browse"))), Is.EqualTo(new[]
        {
            "BackendTrafficPolicy apps/shop-merge Route apps/shop Applies ",
            "BackendTrafficPolicy infra/gateway-defaults Gateway infra/edge MergedInto shop-merge",
            "SecurityPolicy infra/gateway-cors Gateway infra/edge Applies ",
        }));
    }

    [Test]
    public void A_second_policy_on_the_same_route_is_conflicted_and_the_gateway_policy_overridden()
    {
        Assert.That(Lines(Resolution.AttachmentsOf(RouteRuleRef.HttpRoute("apps", "blog"), new ListenerRef("infra", "edge", "admin"))), Is.EqualTo(new[]
        {
            "BackendTrafficPolicy apps/blog-replace Route apps/blog Applies ",
            "BackendTrafficPolicy apps/blog-second Route apps/blog Conflicted blog-replace",
            "BackendTrafficPolicy infra/admin-listener GatewayListener infra/edge/admin Overridden blog-replace",
            "BackendTrafficPolicy infra/gateway-defaults Gateway infra/edge Overridden blog-replace",
            "SecurityPolicy infra/gateway-cors Gateway infra/edge Applies ",
        }));
    }

    [Test]
    public void A_listener_lists_all_three_kinds()
    {
        Assert.That(Lines(Resolution.AttachmentsOf(new ListenerRef("infra", "edge", "admin"))), Is.EqualTo(new[]
        {
            "BackendTrafficPolicy infra/admin-listener GatewayListener infra/edge/admin Applies ",
            "BackendTrafficPolicy infra/gateway-defaults Gateway infra/edge Overridden admin-listener",
            "SecurityPolicy infra/gateway-cors Gateway infra/edge Applies ",
            "ClientTrafficPolicy infra/admin-client GatewayListener infra/edge/admin Applies ",
            "ClientTrafficPolicy infra/gateway-client Gateway infra/edge Overridden admin-client",
        }));
    }

    [Test]
    public void Claimed_targets_are_written_as_in_status_messages()
    {
        Assert.That(Resolution.ClaimedTargets(new PolicyRef("BackendTrafficPolicy", "apps", "blog-replace")), Is.EqualTo(new[] { "apps/blog" }));
        Assert.That(Resolution.ClaimedTargets(new PolicyRef("BackendTrafficPolicy", "apps", "blog-second")), Is.Empty);
        Assert.That(Resolution.ClaimedTargets(new PolicyRef("BackendTrafficPolicy", "infra", "admin-listener")), Is.EqualTo(new[] { "infra/edge/admin" }));
    }
}
