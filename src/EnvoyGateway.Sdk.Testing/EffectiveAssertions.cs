using System;
using System.Collections.Generic;
using EnvoyGateway.Sdk.Translation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Testing;

/// <summary>Assertions about the policy of one kind that applies to a route rule or listener.</summary>
/// <typeparam name="TPolicy">The policy model.</typeparam>
public sealed class EffectiveAssertions<TPolicy>
    where TPolicy : class
{
    private readonly Lazy<EffectivePolicy<TPolicy>?> effective;

    internal EffectiveAssertions(string kind, string scope, Func<EffectivePolicy<TPolicy>?> resolve)
    {
        Kind = kind;
        Scope = scope;
        effective = new Lazy<EffectivePolicy<TPolicy>?>(() =>
        {
            try
            {
                return resolve();
            }
            catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
            {
                Assert.Fail($"{kind} on {scope}: {e.Message}");
                throw; // not reached: Assert.Fail throws
            }
        });
    }

    /// <summary>The policy kind, e.g. <c>BackendTrafficPolicy</c>.</summary>
    public string Kind { get; }

    /// <summary>The route rule or listener, as failure messages name it.</summary>
    public string Scope { get; }

    /// <summary>The effective policy, or null when none applies (fails the test when the route or listener does not exist).</summary>
    public EffectivePolicy<TPolicy>? Effective => effective.Value;

    /// <summary>Asserts which policy applies (the most specific one attached), and optionally at which level.</summary>
    /// <param name="policy">The expected policy as <c>namespace/name</c>.</param>
    /// <param name="level">The expected attachment level, or null for any.</param>
    /// <returns>These assertions, for chaining.</returns>
    public EffectiveAssertions<TPolicy> AppliesFrom(string policy, AttachmentLevel? level = null)
    {
        var expected = PolicyName.Parse(Kind, policy);
        var actual = Require($"{expected}{At(level)} to apply");
        if (actual.Winner != expected || (level is { } l && actual.Level != l))
        {
            Assert.Fail($"{Kind} on {Scope}: expected {expected}{At(level)} to apply, but {Explanations.Effective(actual)} applies.");
        }

        return this;
    }

    /// <summary>Asserts that the applying policy was merged (<c>mergeType</c>) into the given broader policy.</summary>
    /// <param name="policy">The expected parent as <c>namespace/name</c>.</param>
    /// <returns>These assertions, for chaining.</returns>
    public EffectiveAssertions<TPolicy> IsMergedInto(string policy)
    {
        var expected = PolicyName.Parse(Kind, policy);
        var actual = Require($"a policy merged into {expected}");
        if (actual.MergedInto != expected)
        {
            Assert.Fail($"{Kind} on {Scope}: expected a policy merged into {expected}, but {Explanations.Effective(actual)} applies.");
        }

        return this;
    }

    /// <summary>Asserts that no policy of this kind applies.</summary>
    public void IsNone()
    {
        if (Effective is { } actual)
        {
            Assert.Fail($"{Kind} on {Scope}: expected none to apply, but {Explanations.Effective(actual)} applies.");
        }
    }

    /// <summary>Assertions about one field of the effective policy.</summary>
    /// <param name="path">A JSON path such as <c>spec.timeout.http.requestTimeout</c> or <c>spec.compressor[0].type</c>.</param>
    /// <returns>The field assertions.</returns>
    public FieldAssertions<TPolicy> Field(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new FieldAssertions<TPolicy>(this, path);
    }

    internal EffectivePolicy<TPolicy> Require(string expectation) =>
        Effective ?? throw Failed($"{Kind} on {Scope}: expected {expectation}, but no {Kind} applies.");

    internal static Exception Failed(string message)
    {
        Assert.Fail(message);
        return new InvalidOperationException(message); // not reached: Assert.Fail throws
    }

    private static string At(AttachmentLevel? level) => level is null ? string.Empty : $" at {level}";
}
