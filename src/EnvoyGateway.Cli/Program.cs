using System.CommandLine;
using EnvoyGateway.Cli.Commands;

namespace EnvoyGateway.Cli;

/// <summary>Entry point of the <c>egsdk</c> tool.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("egsdk: Envoy Gateway policies in .NET: resolve precedence and status, translate to Envoy xDS.")
        {
            TranslateCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
