using System.Collections.Generic;
using System.Collections.Immutable;
using EnvoyGateway.Sdk.Translation.Graph;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Translation.Tests;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "edge" };

    private static LabelRequirement Req(string key, string op, params string[] values) => new(key, op, values.ToImmutableArray());

    [Test]
    public void Empty_selector_matches_everything() =>
        Assert.That(new LabelSelector(null, null).Matches(Labels), Is.True);

    [Test]
    public void MatchLabels_and_expressions_are_anded()
    {
        var selector = new LabelSelector([new("app", "web")], [Req("tier", "In", "edge", "core")]);
        var mismatch = new LabelSelector([new("app", "web")], [Req("tier", "NotIn", "edge")]);

        Assert.That(selector.Matches(Labels), Is.True);
        Assert.That(mismatch.Matches(Labels), Is.False);
    }

    [TestCase("Exists", "app", true)]
    [TestCase("Exists", "zone", false)]
    [TestCase("DoesNotExist", "zone", true)]
    [TestCase("DoesNotExist", "app", false)]
    public void Existence_operators(string op, string key, bool expected) =>
        Assert.That(new LabelSelector(null, [Req(key, op)]).Matches(Labels), Is.EqualTo(expected));

    [Test]
    public void NotIn_matches_objects_without_the_label() =>
        Assert.That(new LabelSelector(null, [Req("zone", "NotIn", "a")]).Matches(Labels), Is.True);

    [TestCase("In")]
    [TestCase("Bogus")]
    public void Invalid_selectors_match_nothing(string op) =>
        Assert.That(new LabelSelector(null, [Req("app", op)]).Matches(Labels), Is.False);

    [Test]
    public void Exists_with_values_is_invalid() =>
        Assert.That(new LabelSelector(null, [Req("app", "Exists", "web")]).Matches(Labels), Is.False);
}
