using System;
using System.Collections.Generic;
using System.IO;
using EnvoyGateway.Sdk.Benchmarks.Generator;
using EnvoyGateway.Sdk.Benchmarks.Harness;
using EnvoyGateway.Sdk.Benchmarks.Resolve;
using EnvoyGateway.Sdk.Benchmarks.Translate;
using EnvoyGateway.Sdk.Benchmarks.Validation;

namespace EnvoyGateway.Sdk.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/EnvoyGateway.Sdk.Benchmarks -- &lt;generator|validation|resolve|all&gt;</c>:
/// prints a Markdown table per suite and writes it to BenchmarkResults/&lt;suite&gt;.md.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Func<string>> Suites = new(StringComparer.Ordinal)
    {
        ["generator"] = GeneratorSuite.Run,
        ["validation"] = ValidationSuite.Run,
        ["resolve"] = ResolveSuite.Run,
        ["translate"] = TranslateSuite.Run,
    };

    public static int Main(string[] args)
    {
        // The translate suite measures each size in a child process of its own (peak working set per size).
        if (args is ["translate-size", var routes])
        {
            return SizeRun.Measure(int.Parse(routes, System.Globalization.CultureInfo.InvariantCulture));
        }

        // For a sampling profiler: dotnet-trace collect -- dotnet <this dll> translate-loop 10000 5
        if (args is ["translate-loop", var n, var k])
        {
            return ProfileLoop.Run(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), int.Parse(k, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (args.Length != 1 || (args[0] != "all" && !Suites.ContainsKey(args[0])))
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project tests/EnvoyGateway.Sdk.Benchmarks -- <generator|validation|resolve|translate|all>");
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("warning: a Debug build; numbers are only meaningful with -c Release");
#endif
        foreach (var (name, run) in Suites)
        {
            if (args[0] != "all" && args[0] != name)
            {
                continue;
            }

            Console.Error.WriteLine($"== {name}");
            var markdown = $"## {name}\n\n{Environment()}\n\n{run()}";
            Console.WriteLine(markdown);
            var folder = Path.Combine(Repository.Root, "BenchmarkResults");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".md"), markdown);
        }

        return 0;
    }

    private static string Environment() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, "
        + $"{System.Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
}
