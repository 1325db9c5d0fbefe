using System.Text;

namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>
/// A minimal indentation-aware writer over a <see cref="StringBuilder"/>. Always writes <c>\n</c> line endings so
/// the output is identical on every OS.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder;
    private int _indent;

    /// <summary>Creates a writer with an initial capacity hint.</summary>
    public SourceWriter(int capacity = 4096) => _builder = new StringBuilder(capacity);

    /// <summary>Writes one line at the current indentation.</summary>
    public SourceWriter Line(string text)
    {
        WriteIndent();
        _builder.Append(text).Append('\n');
        return this;
    }

    /// <summary>Writes a line assembled from parts (avoids intermediate concatenations).</summary>
    public SourceWriter Line(string a, string b, string c = "", string d = "", string e = "", string f = "")
    {
        WriteIndent();
        _builder.Append(a).Append(b).Append(c).Append(d).Append(e).Append(f).Append('\n');
        return this;
    }

    /// <summary>Writes an empty line.</summary>
    public SourceWriter Blank()
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Outdents and writes <c>}</c> (plus an optional suffix such as <c>;</c>).</summary>
    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        WriteIndent();
        _builder.Append('}').Append(suffix).Append('\n');
        return this;
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => _builder.ToString();

    private void WriteIndent()
    {
        for (int i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }
    }
}
