using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace EnvoyGateway.Sdk.Translation.Status;

/// <summary>
/// Accumulates one policy's <c>status.ancestors</c> with Envoy Gateway's writing rules: conditions overwrite in place
/// by type, "accept if unset", warning combination, a soft cap of 17 ancestors while writing and a final
/// truncation to 16 with an <c>Aggregated</c> condition.
/// </summary>
internal sealed class PolicyStatusWriter
{
    /// <summary>Ancestors kept in the final status.</summary>
    public const int MaxAncestors = 16;

    private const int SoftCap = MaxAncestors + 1;
    private const int MaxMessageBytes = 32768;
    private const string TruncationSuffix = " (message truncated).";
    private const string AcceptedMessage = "Policy has been accepted.";
    private const string AggregatedMessage = "Ancestors have been truncated because the number of policy ancestors exceeds 16.";

    private readonly List<Entry> entries = new();
    private readonly long? generation;

    public PolicyStatusWriter(long? generation)
    {
        this.generation = generation is 0 ? null : generation;
    }

    public int Count => entries.Count;

    public bool Has(PolicyAncestorRef ancestor) => Find(ancestor) is not null;

    /// <summary>True when the ancestor carries a condition of that type (any status).</summary>
    public bool HasCondition(PolicyAncestorRef ancestor, string type) =>
        Find(ancestor)?.Conditions.Exists(c => c.Type == type) ?? false;

    /// <summary>Sets a condition: identical → no-op; same type → overwritten in place; otherwise appended.</summary>
    public void Set(PolicyAncestorRef ancestor, string type, string status, string reason, string message)
    {
        var condition = new PolicyCondition(type, status, reason, TruncateMessage(message), generation);
        var entry = Find(ancestor);
        if (entry is null)
        {
            entries.Add(new Entry(ancestor, condition));
            if (entries.Count > SoftCap)
            {
                entries.Remove(Ordered().Last());
            }

            return;
        }

        var index = entry.Conditions.FindIndex(c => c.Type == type);
        if (index < 0)
        {
            entry.Conditions.Add(condition);
        }
        else if (entry.Conditions[index] != condition)
        {
            entry.Conditions[index] = condition;
        }
    }

    /// <summary>Adds <c>Accepted=True</c> unless the ancestor already has an <c>Accepted</c> condition of any status.</summary>
    public void AcceptIfUnset(PolicyAncestorRef ancestor)
    {
        if (!HasCondition(ancestor, ConditionTypes.Accepted))
        {
            Set(ancestor, ConditionTypes.Accepted, "True", ConditionReasons.Accepted, AcceptedMessage);
        }
    }

    /// <summary>Combines a warning into the ancestor's single <c>Warning</c> condition.</summary>
    public void AddWarning(PolicyAncestorRef ancestor, string reason, string message)
    {
        var existing = Find(ancestor)?.Conditions.Find(c => c.Type == ConditionTypes.Warning);
        if (existing is null || existing.Message.Length == 0)
        {
            Set(ancestor, ConditionTypes.Warning, "True", reason, message);
            return;
        }

        var combined = existing.Message == message || existing.Message.Contains(message, StringComparison.Ordinal) ? existing.Message
            : message.Contains(existing.Message, StringComparison.Ordinal) ? message
            : existing.Message + "; " + message;
        var combinedReason = existing.Reason == reason ? reason : ConditionReasons.Warnings;
        Set(ancestor, ConditionTypes.Warning, "True", combinedReason, combined);
    }

    /// <summary>The final ancestor list: truncated to 16 (sorted by rank, namespace, name) with <c>Aggregated</c> on the last.</summary>
    public ImmutableArray<PolicyAncestorStatus> Build()
    {
        var kept = entries;
        if (entries.Count > MaxAncestors)
        {
            kept = Ordered().Take(MaxAncestors).ToList();
            var last = kept[^1];
            last.Conditions.Add(new PolicyCondition(ConditionTypes.Aggregated, "True", ConditionReasons.Aggregated, AggregatedMessage, generation));
        }

        return kept.Select(e => new PolicyAncestorStatus(e.Ancestor, PolicyAncestorStatus.EnvoyGatewayControllerName, e.Conditions.ToImmutableArray()))
            .ToImmutableArray();
    }

    // Rank 0: not accepted; 1: overridden; 2: the rest. Stable on insertion order for equal keys.
    private IEnumerable<Entry> Ordered() =>
        entries.OrderBy(Rank).ThenBy(e => e.Ancestor.Namespace, StringComparer.Ordinal).ThenBy(e => e.Ancestor.Name, StringComparer.Ordinal);

    private static int Rank(Entry entry) =>
        entry.Conditions.Exists(c => c.Type == ConditionTypes.Accepted && c.Status == "False") ? 0
        : entry.Conditions.Exists(c => c.Type == ConditionTypes.Overridden && c.Status == "True") ? 1
        : 2;

    private Entry? Find(PolicyAncestorRef ancestor) => entries.Find(e => e.Ancestor == ancestor);

    // Go truncates on bytes; so do we, then decode (a cut rune becomes U+FFFD as Go's JSON encoder would write it).
    private static string TruncateMessage(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        if (bytes.Length <= MaxMessageBytes)
        {
            return message;
        }

        return Encoding.UTF8.GetString(bytes, 0, MaxMessageBytes - TruncationSuffix.Length) + TruncationSuffix;
    }

    private sealed class Entry(PolicyAncestorRef ancestor, PolicyCondition first)
    {
        public PolicyAncestorRef Ancestor { get; } = ancestor;

        public List<PolicyCondition> Conditions { get; } = new() { first };
    }
}
