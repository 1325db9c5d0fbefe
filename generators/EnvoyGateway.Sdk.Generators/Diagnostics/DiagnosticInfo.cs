using System;
using EnvoyGateway.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EnvoyGateway.Sdk.Generators.Diagnostics;

/// <summary>
/// A diagnostic as plain data (descriptor ID, file path, span, message arguments) so that it can live in cached
/// pipeline outputs; turned into a <see cref="Diagnostic"/> only when reported.
/// </summary>
/// <param name="Id">The descriptor ID (see <see cref="DiagnosticDescriptors"/>).</param>
/// <param name="FilePath">The CRD file the diagnostic points at.</param>
/// <param name="Start">Zero-based character offset of the span start.</param>
/// <param name="Length">Length of the span in characters.</param>
/// <param name="StartLine">Zero-based start line.</param>
/// <param name="StartColumn">Zero-based start column.</param>
/// <param name="EndLine">Zero-based end line.</param>
/// <param name="EndColumn">Zero-based end column.</param>
/// <param name="Arguments">Message format arguments.</param>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    EquatableArray<string> Arguments)
{
    /// <summary>Creates a diagnostic for a position in a CRD file.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params string[] arguments) =>
        new(descriptor.Id, filePath, span.Start, span.Length, span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, new EquatableArray<string>(arguments));

    /// <summary>Converts the data back into a Roslyn diagnostic.</summary>
    public Diagnostic ToDiagnostic()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.Find(Id) ?? DiagnosticDescriptors.InternalError;
        var location = Location.Create(
            FilePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
        object[] args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, location, args);
    }
}

/// <summary>A position range in a source file (zero-based lines and columns).</summary>
/// <param name="Start">Character offset of the start.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="StartLine">Zero-based start line.</param>
/// <param name="StartColumn">Zero-based start column.</param>
/// <param name="EndLine">Zero-based end line.</param>
/// <param name="EndColumn">Zero-based end column.</param>
internal readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The start of a file.</summary>
    public static readonly SourceSpan FileStart = new(0, 0, 0, 0, 0, 0);

    /// <summary>Clamps a 64-bit offset into the range Roslyn accepts.</summary>
    public static int Clamp(long value) => (int)Math.Max(0, Math.Min(int.MaxValue, value));
}
