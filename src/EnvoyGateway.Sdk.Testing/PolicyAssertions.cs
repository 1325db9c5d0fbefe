using System;
using System.Linq;
using System.Text.RegularExpressions;
using EnvoyGateway.Sdk.Translation;
using EnvoyGateway.Sdk.Translation.Status;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Testing;

/// <summary>Assertions about the status Envoy Gateway would give one policy.</summary>
public sealed class PolicyAssertions
{
    private readonly PolicyScenario scenario;

    internal PolicyAssertions(PolicyScenario scenario, PolicyStatusReport status)
    {
        this.scenario = scenario;
        Status = status;
    }

    /// <summary>The policy's status.</summary>
    public PolicyStatusReport Status { get; }

    private string Name => $"{Status.Kind} {Status.Namespace}/{Status.Name}";

    /// <summary>Asserts the policy is accepted on every ancestor it reports.</summary>
    /// <returns>These assertions, for chaining.</returns>
    public PolicyAssertions IsAccepted()
    {
        if (Status.Ancestors.IsEmpty || Status.Ancestors.Any(a => !a.Conditions.Any(c => c is { Type: ConditionTypes.Accepted, Status: "True" })))
        {
            Fail("to be accepted");
        }

        return this;
    }

    /// <summary>Asserts the policy is not accepted on some ancestor, optionally for a given reason.</summary>
    /// <param name="reason">The expected reason (<c>Invalid</c>, <c>TargetNotFound</c>, <c>Conflicted</c>...), or null for any.</param>
    /// <returns>These assertions, for chaining.</returns>
    public PolicyAssertions IsNotAccepted(string? reason = null)
    {
        if (!Has(ConditionTypes.Accepted, "False", reason, null))
        {
            Fail(reason is null ? "not to be accepted" : $"not to be accepted ({reason})");
        }

        return this;
    }

    /// <summary>Asserts another policy of the same kind claimed the policy's target first.</summary>
    /// <returns>These assertions, for chaining.</returns>
    public PolicyAssertions IsConflicted() => IsNotAccepted(ConditionReasons.Conflicted);

    /// <summary>Asserts the policy is overridden, and that <paramref name="policy"/> is one of the policies overriding it.</summary>
    /// <param name="policy">The more specific policy (same kind) as <c>namespace/name</c>.</param>
    /// <returns>These assertions, for chaining.</returns>
    public PolicyAssertions IsOverriddenBy(string policy) => IsReplacedBy(ConditionTypes.Overridden, "overridden", policy);

    /// <summary>Asserts that <paramref name="policy"/> (same kind, with <c>mergeType</c>) is merged into this policy.</summary>
    /// <param name="policy">The more specific policy as <c>namespace/name</c>.</param>
    /// <returns>These assertions, for chaining.</returns>
    public PolicyAssertions IsMergedBy(string policy) => IsReplacedBy(ConditionTypes.Merged, "merged", policy);

    /// <summary>Asserts some ancestor has a condition; null arguments match anything.</summary>
    /// <param name="type">The condition type, e.g. <c>Accepted</c>, <c>Overridden</c>, <c>Merged</c>, <c>Warning</c>.</param>
    /// <param name="status"><c>True</c> or <c>False</c>.</param>
    /// <param name="reason">The reason, or null for any.</param>
    /// <param name="message">The exact message, or null for any.</param>
    /// <returns>These assertions, for chaining.</returns>
    public PolicyAssertions HasCondition(string type, string status, string? reason = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(status);
        if (!Has(type, status, reason, message))
        {
            Fail($"to have condition {type}={status}{(reason is null ? string.Empty : $" ({reason})")}{(message is null ? string.Empty : $": {message}")}");
        }

        return this;
    }

    private PolicyAssertions IsReplacedBy(string conditionType, string verb, string policy)
    {
        var other = PolicyName.Parse(Status.Kind, policy);
        var conditions = Status.Ancestors.SelectMany(a => a.Conditions.Where(c => c.Type == conditionType && c.Status == "True").Select(c => (a.AncestorRef, c.Message))).ToList();
        if (conditions.Count == 0)
        {
            Fail($"to be {verb} by {other}");
            return this;
        }

        // The messages list scopes ([ns/route ns/gateway/listener]); ClientTrafficPolicy lists bare sections of the
        // ancestor ([internal]). The other policy must have won one of them.
        var listed = conditions.SelectMany(c => Regex.Matches(c.Message, @"\[([^\]]*)\]")
                .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .SelectMany(item => new[] { item, $"{c.AncestorRef.Namespace}/{c.AncestorRef.Name}/{item}" }))
            .ToHashSet(StringComparer.Ordinal);
        var claimed = Claimed(other);
        if (!claimed.Any(listed.Contains))
        {
            Fail($"to be {verb} by {other}, which applies to [{string.Join(" ", claimed)}]");
        }

        return this;
    }

    private string[] Claimed(PolicyRef other)
    {
        try
        {
            return [.. scenario.Resolution.ClaimedTargets(other)];
        }
        catch (System.Collections.Generic.KeyNotFoundException e)
        {
            Assert.Fail($"{Name}: {e.Message}");
            throw; // not reached: Assert.Fail throws
        }
    }

    private bool Has(string type, string status, string? reason, string? message) =>
        Status.Ancestors.SelectMany(a => a.Conditions).Any(c => c.Type == type && c.Status == status
            && (reason is null || c.Reason == reason) && (message is null || c.Message == message));

    private void Fail(string expectation)
    {
        var conditions = Status.Ancestors.IsEmpty
            ? "it has no status (it targets nothing Envoy Gateway manages)"
            : "its status is: " + string.Join("; ", Status.Ancestors.Select(a => $"{a.AncestorRef}: {string.Join(", ", a.Conditions)}"));
        Assert.Fail($"Expected {Name} {expectation}, but {conditions.TrimEnd('.')}.");
    }
}
