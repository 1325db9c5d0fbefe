using System.IO;
using EnvoyGateway.Cli;

namespace EnvoyGateway.Sdk.Reliability.Tests;

/// <summary>Runs <c>egsdk</c> in-process with captured standard streams.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) RunWithStdin(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Program.Run(args, new StringReader(stdin), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
