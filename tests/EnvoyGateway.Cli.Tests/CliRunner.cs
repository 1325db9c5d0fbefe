using System.IO;
using EnvoyGateway.Cli;

namespace EnvoyGateway.Cli.Tests;

/// <summary>Runs the tool in-process with captured standard streams.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) RunWithStdin(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Program.Run(args, new StringReader(stdin), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWithStdin(string.Empty, args);
}
