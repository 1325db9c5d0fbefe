using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Cli.Output;

/// <summary>Renders <c>egsdk explain</c> results as aligned text or as JSON.</summary>
internal static class ExplanationRenderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Text(IReadOnlyList<Explanation> explanations)
    {
        var text = new StringBuilder();
        foreach (var explanation in explanations)
        {
            text.Append(explanation.Scope).Append('\n');
            foreach (var kind in explanation.Kinds)
            {
                text.Append('\n').Append("  ").Append(kind.Kind).Append('\n');
                if (kind.Policies.Count == 0)
                {
                    text.Append("    no policy attached\n");
                    continue;
                }

                Table(text, "    ", kind.Policies.Select(p => new[] { p.Level.ToString(), p.Target, $"{p.Policy.Namespace}/{p.Policy.Name}", Role(p) }));
                if (kind.Effective is { } effective)
                {
                    text.Append("    effective: ").Append(Effective(effective)).Append('\n');
                    Table(text, "      ", effective.Fields.Select(f => new[] { f.Path, f.Value.GetRawText(), $"from {f.Provenance.Policy.Namespace}/{f.Provenance.Policy.Name} ({f.Provenance.Level})" }));
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Json(IReadOnlyList<Explanation> explanations) =>
        new JsonArray(explanations.Select(e => (JsonNode?)new JsonObject
        {
            ["scope"] = e.Scope,
            ["kinds"] = new JsonArray(e.Kinds.Select(k => (JsonNode?)new JsonObject
            {
                ["kind"] = k.Kind,
                ["policies"] = new JsonArray(k.Policies.Select(p => (JsonNode?)new JsonObject
                {
                    ["policy"] = $"{p.Policy.Namespace}/{p.Policy.Name}",
                    ["level"] = p.Level.ToString(),
                    ["target"] = p.Target,
                    ["role"] = p.Role.ToString(),
                    ["by"] = p.By is null ? null : $"{p.By.Namespace}/{p.By.Name}",
                }).ToArray()),
                ["effective"] = k.Effective is not { } eff ? null : new JsonObject
                {
                    ["policy"] = $"{eff.Winner.Namespace}/{eff.Winner.Name}",
                    ["level"] = eff.Level.ToString(),
                    ["mergedInto"] = eff.MergedInto is null ? null : $"{eff.MergedInto.Namespace}/{eff.MergedInto.Name}",
                    ["accepted"] = eff.Accepted,
                    ["fields"] = new JsonArray(eff.Fields.Select(f => (JsonNode?)new JsonObject
                    {
                        ["path"] = f.Path,
                        ["value"] = JsonNode.Parse(f.Value.GetRawText()),
                        ["policy"] = $"{f.Provenance.Policy.Namespace}/{f.Provenance.Policy.Name}",
                        ["level"] = f.Provenance.Level.ToString(),
                        ["viaMerge"] = f.Provenance.ViaMerge,
                    }).ToArray()),
                },
            }).ToArray()),
        }).ToArray()).ToJsonString(Indented) + "\n";

    private static string Role(PolicyAttachment attachment) => attachment.Role switch
    {
        AttachmentRole.Applies => "applies",
        AttachmentRole.MergedInto => $"merged: {Name(attachment.By)} is merged into it",
        AttachmentRole.Overridden => $"overridden by {Name(attachment.By)}",
        _ => $"conflicted: {Name(attachment.By)} attached to {attachment.Target} first",
    };

    private static string Effective(EffectiveSummary effective) =>
        $"{Name(effective.Winner)} at {effective.Level}"
        + (effective.MergedInto is null ? " (replaces everything above it)" : $" merged into {Name(effective.MergedInto)}")
        + (effective.Accepted ? string.Empty : " (not accepted)");

    private static string Name(PolicyRef? policy) => policy is null ? "-" : $"{policy.Namespace}/{policy.Name}";

    // Columns padded to their widest cell except the last, so lines carry no trailing spaces.
    private static void Table(StringBuilder text, string indent, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        if (all.Count == 0)
        {
            text.Append(indent).Append("(no fields)\n");
            return;
        }

        var widths = Enumerable.Range(0, all[0].Length - 1).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            text.Append(indent);
            for (var c = 0; c < widths.Length; c++)
            {
                text.Append(row[c].PadRight(widths[c])).Append("  ");
            }

            text.Append(row[^1]).Append('\n');
        }
    }
}
