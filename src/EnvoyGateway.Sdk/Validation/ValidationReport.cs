using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>The result of validating one resource: every problem found, in document order of discovery.</summary>
public sealed class ValidationReport : IReadOnlyList<ValidationError>
{
    private readonly ReadOnlyCollection<ValidationError> errors;

    internal ValidationReport(List<ValidationError> errors, string subject = "", int documentIndex = -1)
    {
        this.errors = errors.AsReadOnly();
        Subject = subject;
        DocumentIndex = documentIndex;
    }

    /// <summary>Gets a report without errors.</summary>
    public static ValidationReport Empty { get; } = new([]);

    /// <summary>Gets what was validated, as <c>Kind namespace/name</c> (empty when unknown).</summary>
    public string Subject { get; }

    /// <summary>Gets the zero-based index of the document in its YAML stream, or -1 when not read from one.</summary>
    public int DocumentIndex { get; }

    /// <summary>Gets a value indicating whether no problem was found.</summary>
    public bool IsValid => errors.Count == 0;

    /// <inheritdoc/>
    public int Count => errors.Count;

    /// <inheritdoc/>
    public ValidationError this[int index] => errors[index];

    /// <inheritdoc/>
    public IEnumerator<ValidationError> GetEnumerator() => errors.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns one line per error (see <see cref="ValidationError.ToString"/>).</summary>
    /// <returns>The text; empty when valid.</returns>
    public override string ToString() => string.Join('\n', errors);
}
