using System.IO;

namespace EnvoyGateway.Cli;

/// <summary>The standard streams a command reads and writes (the console, or test doubles).</summary>
internal sealed record CliStreams(TextReader In, TextWriter Out, TextWriter Error);
