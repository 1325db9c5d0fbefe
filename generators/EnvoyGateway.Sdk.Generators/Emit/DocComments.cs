using System.Text;

namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>Writes XML documentation comments from schema descriptions.</summary>
internal static class DocComments
{
    /// <summary>XML specials, plus every character C# takes as a line break (which would end the <c>///</c> comment).</summary>
    private static readonly char[] Specials = { '&', '<', '>', '\r', '\n', '\u0085', '\u2028', '\u2029' };

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

    /// <summary>Escapes XML special characters and turns line breaks into spaces, so the text stays inside one <c>///</c> line.</summary>
    public static string Escape(string text)
    {
        if (text.IndexOfAny(Specials) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
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
