using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EnvoyGateway.Sdk.Benchmarks.Harness;

/// <summary>A Markdown table built row by row.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public void Add(params object[] cells) => rows.Add(cells.Select(c => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray());

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        text.Append('|').AppendJoin('|', headers.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return text.ToString();
    }
}
