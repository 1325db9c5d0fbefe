using System.Collections.Generic;
using System.Text.Json;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Cli.Output;

/// <summary>What <c>egsdk explain</c> found for one route rule or listener.</summary>
internal sealed record Explanation(string Scope, IReadOnlyList<KindExplanation> Kinds);

/// <summary>The policies of one kind on the scope's chain, and the effective one.</summary>
internal sealed record KindExplanation(string Kind, IReadOnlyList<PolicyAttachment> Policies, EffectiveSummary? Effective);

/// <summary>The effective policy of one kind, with every field and where it came from.</summary>
internal sealed record EffectiveSummary(PolicyRef Winner, AttachmentLevel Level, PolicyRef? MergedInto, bool Accepted, IReadOnlyList<EffectiveField> Fields)
{
    public static EffectiveSummary? Of<T>(EffectivePolicy<T>? effective)
        where T : class
    {
        if (effective is null)
        {
            return null;
        }

        var fields = new List<EffectiveField>();
        foreach (var (path, provenance) in effective.Fields)
        {
            fields.Add(new EffectiveField(path, effective.ValueOf(path) ?? default, provenance));
        }

        return new EffectiveSummary(effective.Winner, effective.Level, effective.MergedInto, effective.Accepted, fields);
    }
}

/// <summary>One leaf field of an effective policy.</summary>
internal sealed record EffectiveField(string Path, JsonElement Value, FieldProvenance Provenance);
