using System.Text;

namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>Writes XML documentation comments from schema descriptions.</summary>
internal static class DocComments
{
    private static readonly char[] XmlSpecials = { '&', '<', '>' };

    /// <summary>
    /// Writes a <c>&lt;summary&gt;</c> from <paramref name="description"/> (XML-escaped, one <c>///</c> line per source
    /// line), or <paramref name="fallback"/> (already valid XML) when the description is empty.
    /// </summary>
    public static void Summary(SourceWriter writer, string? description, string fallback)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            Short(writer, fallback);
            return;
        }

        writer.Line("/// <summary>");
        WriteLines(writer, description!);
        writer.Line("/// </summary>");
    }

    /// <summary>A one-line summary (<paramref name="xml"/> must already be valid XML).</summary>
    public static void Short(SourceWriter writer, string xml) => writer.Line("/// <summary>", xml, "</summary>");

    /// <summary>Wraps a wire name in <c>&lt;c&gt;</c>, escaped.</summary>
    public static string Code(string text) => "<c>" + Escape(text) + "</c>";

    /// <summary>Escapes XML special characters.</summary>
    public static string Escape(string text)
    {
        if (text.IndexOfAny(XmlSpecials) < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }

    private static void WriteLines(SourceWriter writer, string description)
    {
        string[] lines = description.Replace("\r\n", "\n").Split('\n');
        int last = lines.Length - 1;
        while (last >= 0 && string.IsNullOrWhiteSpace(lines[last]))
        {
            last--;
        }

        var line = new StringBuilder();
        for (int i = 0; i <= last; i++)
        {
            line.Clear().Append("/// ").Append(Escape(lines[i].TrimEnd()));
            for (int c = 0; c < line.Length; c++)
            {
                if (char.IsControl(line[c]))
                {
                    line[c] = ' ';
                }
            }

            writer.Line(line.ToString().TrimEnd());
        }
    }
}
