using System.IO;

namespace EnvoyGateway.Cli;

/// <summary>The standard streams a command reads and writes (the console, or test doubles).</summary>
/// <param name="OutIsTerminal">True when standard output is a terminal (human formats by default).</param>
internal sealed record CliStreams(TextReader In, TextWriter Out, TextWriter Error, bool OutIsTerminal = false);
