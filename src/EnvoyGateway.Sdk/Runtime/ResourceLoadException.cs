using System;
using System.Globalization;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// A document could not be read: bad YAML or JSON syntax, a duplicate key, or a value of the wrong shape for its
/// field. The message reads <c>file:line:column: document N (Kind name): path: what was expected</c>; it never
/// contains the value of a field whose name suggests a secret.
/// </summary>
public sealed class ResourceLoadException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public ResourceLoadException()
        : base("The resource could not be loaded.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ResourceLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ResourceLoadException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    private ResourceLoadException(string? file, SourcePosition position, int? documentIndex, string? path, string problem, Exception? innerException)
        : base(Format(file, position, problem), innerException)
    {
        File = file;
        Position = position;
        DocumentIndex = documentIndex;
        Path = path;
        Problem = problem;
    }

    /// <summary>Gets the file name given to the loader, or <see langword="null"/>.</summary>
    public string? File { get; }

    /// <summary>Gets the 1-based line and column of the problem (0:0 when unknown).</summary>
    public SourcePosition Position { get; }

    /// <summary>Gets the 1-based line of the problem (0 when unknown).</summary>
    public int Line => Position.Line;

    /// <summary>Gets the 1-based column of the problem (0 when unknown).</summary>
    public int Column => Position.Column;

    /// <summary>Gets the zero-based index of the document that holds the problem, when known.</summary>
    public int? DocumentIndex { get; }

    /// <summary>Gets the path of the offending value within its document (see <see cref="LoadedResource"/>), when known.</summary>
    public string? Path { get; }

    /// <summary>Gets the message without the <c>file:line:column:</c> prefix.</summary>
    public string? Problem { get; }

    /// <summary>Creates the exception for a problem at a known place of an input.</summary>
    /// <param name="file">The file name, or <see langword="null"/> for unnamed input.</param>
    /// <param name="position">Line and column of the problem.</param>
    /// <param name="documentIndex">Zero-based index of the YAML document, if known.</param>
    /// <param name="path">JSON path of the offending field, if known.</param>
    /// <param name="problem">What is wrong, without the location prefix.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    /// <returns>The exception; its message is <c>file:line:column: problem</c>.</returns>
    public static ResourceLoadException At(string? file, SourcePosition position, int? documentIndex, string? path, string problem, Exception? innerException = null) =>
        new(file, position, documentIndex, path, problem, innerException);

    private static string Format(string? file, SourcePosition position, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"{file ?? "<input>"}:{position.Line}:{position.Column}: {problem}");
}
