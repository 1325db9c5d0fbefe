using System;
using System.CommandLine;
using System.IO;
using EnvoyGateway.Cli.Commands;

namespace EnvoyGateway.Cli;

/// <summary>Entry point of the <c>egsdk</c> tool.</summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.In, Console.Out, Console.Error, outIsTerminal: !Console.IsOutputRedirected);

    /// <summary>Runs the tool with the given standard streams (tests run it in-process).</summary>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool outIsTerminal = false)
    {
        var streams = new CliStreams(stdin, stdout, stderr, outIsTerminal);
        var root = new RootCommand("egsdk: Envoy Gateway policies in .NET: resolve precedence and status, translate to Envoy xDS.")
        {
            TranslateCommand.Create(streams),
            ValidateCommand.Create(streams),
            ExplainCommand.Create(streams),
            ToCSharpCommand.Create(streams),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"egsdk: {error.Message}");
            }

            stderr.WriteLine("Run 'egsdk --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // System.CommandLine's default handler would print the stack trace.
            stderr.WriteLine($"egsdk: internal error ({InternalError.Describe(e)}); this is a bug in egsdk, please report it with the input");
            return ExitCodes.InputError;
        }
    }
}
