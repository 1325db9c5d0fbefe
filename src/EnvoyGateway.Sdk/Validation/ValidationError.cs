using System.Text;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// One problem found by <see cref="ResourceValidator"/>: where it is (<see cref="Path"/> such as
/// <c>spec.rules[0].name</c>, and the source position when the resource was loaded from a file), which rule it breaks
/// (one of <see cref="ValidationRules"/>) and a message.
/// </summary>
/// <param name="Path">The path of the offending value (<c>spec.circuitBreaker.maxConnections</c>); empty for the root.</param>
/// <param name="Rule">The rule broken: one of the names in <see cref="ValidationRules"/>.</param>
/// <param name="Message">What is wrong. Never contains the value of a secret-bearing field.</param>
/// <param name="Value">The offending value as text, <c>&lt;redacted&gt;</c> for secret-bearing fields, or <see langword="null"/>.</param>
/// <param name="Position">Where the value (or its nearest present ancestor) starts in the source, when known.</param>
/// <param name="File">The file the resource was read from, when known.</param>
public sealed record ValidationError(string Path, string Rule, string Message, string? Value, SourcePosition? Position, string? File)
{
    /// <summary>Formats the error as <c>file:line:column: path: rule: message</c> (the location part only when known).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Position is { } position)
        {
            if (File is not null)
            {
                text.Append(File).Append(':');
            }

            text.Append(position.ToString()).Append(": ");
        }
        else if (File is not null)
        {
            text.Append(File).Append(": ");
        }

        return text.Append(Path.Length == 0 ? "<root>" : Path).Append(": ").Append(Rule).Append(": ").Append(Message).ToString();
    }
}
