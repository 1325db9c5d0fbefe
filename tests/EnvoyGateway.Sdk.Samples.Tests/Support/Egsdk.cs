using System;
using System.Diagnostics;
using System.IO;

namespace EnvoyGateway.Sdk.Samples.Tests.Support;

/// <summary>Runs the egsdk tool (copied next to the tests by the project reference) as its own process.</summary>
internal static class Egsdk
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "egsdk.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("egsdk did not finish within a minute");
        }

        return (process.ExitCode, stdout, stderr.Result);
    }
}
