using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Cli.Output;

/// <summary>
/// The status of every policy as an aligned, colorless table (one row per condition), for people reading
/// <c>translate</c> output in a terminal.
/// </summary>
internal static class StatusTable
{
    private static readonly string[] Header = ["POLICY", "ANCESTOR", "CONDITION", "REASON", "MESSAGE"];

    public static string Render(PolicyResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var rows = new List<string[]> { Header };
        foreach (var policy in resolution.Policies)
        {
            var name = $"{policy.Kind} {policy.Namespace}/{policy.Name}";
            if (policy.Ancestors.IsEmpty)
            {
                rows.Add([name, "-", "-", "-", "no status: it targets nothing a managed Gateway serves"]);
            }

            foreach (var ancestor in policy.Ancestors)
            {
                foreach (var condition in ancestor.Conditions)
                {
                    rows.Add([name, ancestor.AncestorRef.ToString(), $"{condition.Type}={condition.Status}", condition.Reason, OneLine(condition.Message)]);
                }
            }
        }

        // Every column but the last is padded to its widest cell; the message is left as is (no trailing spaces).
        var widths = Enumerable.Range(0, Header.Length - 1).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < widths.Length; c++)
            {
                text.Append(row[c].PadRight(widths[c])).Append("  ");
            }

            text.Append(row[^1]).Append('\n');
        }

        return text.ToString();
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
