using System;
using System.Globalization;
using System.Text.Json;
using EnvoyGateway.Sdk.Translation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Testing;

/// <summary>Assertions about one field of an effective policy: its value and the policy it came from.</summary>
/// <typeparam name="TPolicy">The policy model.</typeparam>
public sealed class FieldAssertions<TPolicy>
    where TPolicy : class
{
    private readonly EffectiveAssertions<TPolicy> owner;

    internal FieldAssertions(EffectiveAssertions<TPolicy> owner, string path)
    {
        this.owner = owner;
        Path = path;
    }

    /// <summary>The field's JSON path.</summary>
    public string Path { get; }

    /// <summary>Asserts the field's value is the string <paramref name="expected"/> (durations, enums, names...).</summary>
    /// <param name="expected">The expected value.</param>
    /// <returns>These assertions, for chaining.</returns>
    public FieldAssertions<TPolicy> Is(string expected) => Is(JsonSerializer.SerializeToElement(expected));

    /// <summary>Asserts the field's value is the number <paramref name="expected"/>.</summary>
    /// <param name="expected">The expected value.</param>
    /// <returns>These assertions, for chaining.</returns>
    public FieldAssertions<TPolicy> Is(long expected) => Is(JsonSerializer.SerializeToElement(expected));

    /// <summary>Asserts the field's value is the boolean <paramref name="expected"/>.</summary>
    /// <param name="expected">The expected value.</param>
    /// <returns>These assertions, for chaining.</returns>
    public FieldAssertions<TPolicy> Is(bool expected) => Is(JsonSerializer.SerializeToElement(expected));

    /// <summary>Asserts the effective policy does not set the field (or that no policy applies).</summary>
    public void IsUnset()
    {
        if (owner.Effective is { } effective && effective.ValueOf(Path) is { } value)
        {
            Fail($"to be unset, but it was {Explanations.Value(value)}, {Origin(effective)}.");
        }
    }

    /// <summary>Asserts which policy the field's value came from, and optionally at which level it is attached.</summary>
    /// <param name="policy">The expected policy as <c>namespace/name</c>.</param>
    /// <param name="level">The expected attachment level, or null for any.</param>
    /// <returns>These assertions, for chaining.</returns>
    public FieldAssertions<TPolicy> From(string policy, AttachmentLevel? level = null)
    {
        var expected = PolicyName.Parse(owner.Kind, policy);
        var expectation = $"to come from {expected}{(level is null ? string.Empty : $" at {level}")}";
        var effective = owner.Require($"{Path} {expectation}");
        var provenance = effective.ProvenanceOf(Path);
        if (provenance is null)
        {
            Fail($"{expectation}, but it is not set; {owner.Kind} is {Explanations.Effective(effective)}.");
        }
        else if (provenance.Policy != expected || (level is { } l && provenance.Level != l))
        {
            Fail($"{expectation}, but it was {ValueText(effective)}, {Explanations.Origin(provenance, effective)}.");
        }

        return this;
    }

    private FieldAssertions<TPolicy> Is(JsonElement expected)
    {
        var text = Explanations.Value(expected);
        var effective = owner.Require($"{Path} to be {text}");
        var actual = effective.ValueOf(Path);
        if (actual is null)
        {
            Fail($"to be {text}, but it is not set; {owner.Kind} is {Explanations.Effective(effective)}.");
        }
        else if (!JsonElement.DeepEquals(actual.Value, expected))
        {
            Fail($"to be {text}, but it was {Explanations.Value(actual.Value)}, {Origin(effective)}.");
        }

        return this;
    }

    private string Origin(EffectivePolicy<TPolicy> effective) =>
        effective.ProvenanceOf(Path) is { } provenance ? Explanations.Origin(provenance, effective) : $"from {Explanations.Effective(effective)}";

    private string ValueText(EffectivePolicy<TPolicy> effective) =>
        effective.ValueOf(Path) is { } value ? Explanations.Value(value) : "(unset)";

    private void Fail(string rest) => Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{owner.Kind} on {owner.Scope}: expected {Path} {rest}"));
}
