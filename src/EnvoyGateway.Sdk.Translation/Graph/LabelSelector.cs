using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>A Kubernetes label selector requirement (<c>matchExpressions</c> item).</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator"><c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</param>
/// <param name="Values">The values for <c>In</c>/<c>NotIn</c>; empty otherwise.</param>
internal sealed record LabelRequirement(string Key, string Operator, ImmutableArray<string> Values);

/// <summary>
/// Kubernetes label-selector semantics: <c>matchLabels</c> and <c>matchExpressions</c> are ANDed, an empty selector
/// matches everything, and a selector that Kubernetes would refuse to parse matches nothing.
/// </summary>
internal sealed class LabelSelector
{
    private readonly ImmutableArray<KeyValuePair<string, string>> matchLabels;
    private readonly ImmutableArray<LabelRequirement> requirements;
    private readonly bool valid;

    public LabelSelector(IEnumerable<KeyValuePair<string, string>>? matchLabels, IEnumerable<LabelRequirement>? requirements)
    {
        this.matchLabels = matchLabels?.ToImmutableArray() ?? ImmutableArray<KeyValuePair<string, string>>.Empty;
        this.requirements = requirements?.ToImmutableArray() ?? ImmutableArray<LabelRequirement>.Empty;
        valid = this.requirements.All(IsValid);
    }

    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        if (!valid)
        {
            return false;
        }

        labels ??= ImmutableDictionary<string, string>.Empty;
        return matchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
            && requirements.All(r => Satisfies(r, labels));
    }

    private static bool Satisfies(LabelRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        return requirement.Operator switch
        {
            "In" => present && requirement.Values.Contains(value!),
            "NotIn" => !present || !requirement.Values.Contains(value!),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => false,
        };
    }

    private static bool IsValid(LabelRequirement requirement) => requirement.Operator switch
    {
        "In" or "NotIn" => !requirement.Values.IsDefaultOrEmpty,
        "Exists" or "DoesNotExist" => requirement.Values.IsDefaultOrEmpty,
        _ => false,
    } && requirement.Key.Length > 0 && !requirement.Key.Contains(' ', StringComparison.Ordinal);
}
