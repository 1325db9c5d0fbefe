using System.Linq;
using EnvoyGateway.Sdk.Translation.Status;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Translation.Tests.Status;

public sealed class PolicyStatusWriterTests
{
    private static PolicyAncestorRef Gw(int n, string? section = null) => PolicyAncestorRef.Gateway("envoy-gateway", $"gateway-{n}", section);

    [Test]
    public void Accept_if_unset_never_flips_an_earlier_failure()
    {
        var writer = new PolicyStatusWriter(generation: null);
        writer.Set(Gw(1), ConditionTypes.Accepted, "False", ConditionReasons.Invalid, "CircuitBreaker: invalid MaxConnections value -1.");

        writer.AcceptIfUnset(Gw(1));

        var condition = writer.Build().Single().Conditions.Single();
        Assert.That(condition, Is.EqualTo(new PolicyCondition("Accepted", "False", "Invalid", "CircuitBreaker: invalid MaxConnections value -1.")));
    }

    [Test]
    public void A_later_failure_overwrites_acceptance_in_place()
    {
        var writer = new PolicyStatusWriter(generation: 3);
        writer.AcceptIfUnset(Gw(1));
        writer.AddWarning(Gw(1), ConditionReasons.DeprecatedField, "spec.targetRef is deprecated, use spec.targetRefs instead");
        writer.Set(Gw(1), ConditionTypes.Accepted, "False", ConditionReasons.Invalid, "Boom.");

        var conditions = writer.Build().Single().Conditions;

        Assert.That(conditions.Select(c => c.Type), Is.EqualTo(new[] { "Accepted", "Warning" }));
        Assert.That(conditions[0].Reason, Is.EqualTo("Invalid"));
        Assert.That(conditions[0].ObservedGeneration, Is.EqualTo(3));
    }

    [TestCase("a", "DeprecatedField", "a", "DeprecatedField", "a", "DeprecatedField")]
    [TestCase("a; b", "DeprecatedField", "b", "DeprecatedField", "a; b", "DeprecatedField")]
    [TestCase("b", "DeprecatedField", "a; b", "DeprecatedField", "a; b", "DeprecatedField")]
    [TestCase("a", "UnsupportedHTTP3ClientValidation", "b", "DeprecatedField", "a; b", "Warnings")]
    public void Warnings_combine_into_one_condition(string first, string firstReason, string second, string secondReason, string message, string reason)
    {
        var writer = new PolicyStatusWriter(null);
        writer.AddWarning(Gw(1), firstReason, first);
        writer.AddWarning(Gw(1), secondReason, second);

        var warning = writer.Build().Single().Conditions.Single();

        Assert.That((warning.Message, warning.Reason), Is.EqualTo((message, reason)));
    }

    [Test]
    public void Messages_over_32KiB_are_truncated_with_a_marker()
    {
        var writer = new PolicyStatusWriter(null);
        writer.Set(Gw(1), ConditionTypes.Accepted, "False", ConditionReasons.Invalid, new string('x', 40_000));

        var message = writer.Build().Single().Conditions.Single().Message;

        Assert.That(message, Has.Length.EqualTo(32768));
        Assert.That(message, Does.EndWith("x (message truncated)."));
    }

    // The golden proof of backendtrafficpolicy-status-conditions-truncated (policy-attachment.md §6.7).
    [Test]
    public void Soft_cap_evicts_while_writing_and_final_truncation_aggregates_on_the_16th()
    {
        var writer = new PolicyStatusWriter(null);
        for (var n = 1; n <= 18; n++)
        {
            writer.AcceptIfUnset(Gw(n)); // pass 2: the route's 18 parent gateways
        }

        Assert.That(writer.Has(Gw(9)), Is.False, "the 18th insert evicts gateway-9, the largest name");

        writer.AcceptIfUnset(Gw(9)); // pass 6: the Gateway target, evicted again at once
        writer.Set(Gw(9), ConditionTypes.Overridden, "True", ConditionReasons.Overridden, "This policy is being overridden by other backendTrafficPolicies for these routes: [default/httproute-2]");

        var status = writer.Build();

        Assert.That(status.Select(a => a.AncestorRef.Name), Is.EqualTo(new[]
        {
            "gateway-9", "gateway-1", "gateway-10", "gateway-11", "gateway-12", "gateway-13", "gateway-14", "gateway-15",
            "gateway-16", "gateway-17", "gateway-18", "gateway-2", "gateway-3", "gateway-4", "gateway-5", "gateway-6",
        }));
        Assert.That(status[0].Conditions.Select(c => c.Type), Is.EqualTo(new[] { "Overridden" }));
        Assert.That(status[15].Conditions.Select(c => c.Type), Is.EqualTo(new[] { "Accepted", "Aggregated" }));
        Assert.That(status[15].Conditions[1].Message, Is.EqualTo("Ancestors have been truncated because the number of policy ancestors exceeds 16."));
    }

    [Test]
    public void Without_truncation_ancestors_keep_insertion_order()
    {
        var writer = new PolicyStatusWriter(null);
        writer.AcceptIfUnset(Gw(2));
        writer.AcceptIfUnset(Gw(1, "http"));
        writer.AcceptIfUnset(Gw(1));

        Assert.That(writer.Build().Select(a => a.AncestorRef), Is.EqualTo(new[] { Gw(2), Gw(1, "http"), Gw(1) }));
    }

    [TestCase("circuitBreaker: invalid", "CircuitBreaker: invalid.")]
    [TestCase("Already done.", "Already done.")]
    [TestCase("a\nb", "A\nb.")]
    [TestCase("404 thing", "404 thing.")]
    public void Error_messages_are_normalized(string raw, string normalized) =>
        Assert.That(StatusMessages.NormalizeError(raw), Is.EqualTo(normalized));
}
