using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using EnvoyGateway.Sdk.Benchmarks.Harness;

namespace EnvoyGateway.Sdk.Benchmarks.Translate;

/// <summary>
/// YAML → <see cref="Translation.ResourceSet"/> → <see cref="Translation.PolicyResolver"/> → xDS → protobuf bytes on
/// 1,000, 10,000 and 50,000 HTTPRoutes (<see cref="ScaleScenario"/>), each size in its own process so its peak working
/// set is its own. Reports every stage, growth ratios and translation time over parse and serialize time.
/// </summary>
internal static class TranslateSuite
{
    private static readonly int[] DefaultSizes = [1_000, 10_000, 50_000];

    public static string Run()
    {
        var sizes = Environment.GetEnvironmentVariable("EGSDK_BENCH_ROUTES") is { Length: > 0 } custom
            ? custom.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : DefaultSizes;
        var results = sizes.Select(Child).ToList();
        return Stages(results) + "\n" + Growth(results) + "\n" + Ratios(results) + "\n" + TranslateProfile.Run(sizes.Where(s => s <= 10_000).ToArray());
    }

    private static string Stages(List<SizeResult> results)
    {
        var table = new MarkdownTable("HTTPRoutes", "documents (YAML)", "policies", "xDS resources (protobuf)", "YamlDotNet parse only", "load (parse YAML into models)", "resolve policies", "translate to xDS",
            "serialize protos", "resolve + translate per route", "allocated: resolve / translate", "retained after translate", "peak working set");
        foreach (var r in results)
        {
            table.Add(Format.Int(r.Routes), $"{Format.Int(r.Documents)} ({Format.Mb(r.YamlBytes)})", Format.Int(r.Policies),
                $"{Format.Int(r.XdsResources)} ({Format.Mb(r.ProtoBytes)})", Time(r.YamlOnly), Time(r.Parse), Time(r.Resolve), Time(r.Translate), Time(r.Serialize),
                Format.Us((r.Resolve.MedianMs + r.Translate.MedianMs) * 1000 / r.Routes),
                $"{Format.Mb(r.Resolve.AllocatedBytes)} / {Format.Mb(r.Translate.AllocatedBytes)}", Format.Mb(r.RetainedBytes), Format.Mb(r.PeakWorkingSetBytes));
        }

        return "Medians (minimum in brackets); each size ran in its own process after a JIT warmup on 200 routes. "
            + $"Translation warnings: {string.Join(", ", results.Select(r => Format.Int(r.Warnings)))}.\n\n" + table;
    }

    private static string Growth(List<SizeResult> results)
    {
        var table = new MarkdownTable("step", "routes ×", "resolve + translate time ×", "(minimums) ×", "allocations ×", "peak working set ×", "linear would be");
        for (var i = 1; i < results.Count; i++)
        {
            var (a, b) = (results[i - 1], results[i]);
            var routes = (double)b.Routes / a.Routes;
            table.Add($"{Format.Int(a.Routes)} → {Format.Int(b.Routes)}", Format.Ratio(routes),
                Format.Ratio((b.Resolve.MedianMs + b.Translate.MedianMs) / (a.Resolve.MedianMs + a.Translate.MedianMs)),
                Format.Ratio((b.Resolve.MinMs + b.Translate.MinMs) / (a.Resolve.MinMs + a.Translate.MinMs)),
                Format.Ratio((double)(b.Resolve.AllocatedBytes + b.Translate.AllocatedBytes) / (a.Resolve.AllocatedBytes + a.Translate.AllocatedBytes)),
                Format.Ratio((double)b.PeakWorkingSetBytes / a.PeakWorkingSetBytes), Format.Ratio(routes));
        }

        return "### Growth\n\n" + table;
    }

    private static string Ratios(List<SizeResult> results)
    {
        var table = new MarkdownTable("HTTPRoutes", "translate ÷ load", "translate ÷ serialize", "resolve + translate ÷ (load + serialize)", "goal ≤ 2×",
            "resolve + translate ÷ (YamlDotNet parse only + serialize)");
        foreach (var r in results)
        {
            var work = r.Resolve.MedianMs + r.Translate.MedianMs;
            var baseline = r.Parse.MedianMs + r.Serialize.MedianMs;
            table.Add(Format.Int(r.Routes), Format.Ratio(r.Translate.MedianMs / r.Parse.MedianMs), Format.Ratio(r.Translate.MedianMs / r.Serialize.MedianMs),
                Format.Ratio(work / baseline), work / baseline <= 2 ? "met" : "missed", Format.Ratio(work / (r.YamlOnly.MedianMs + r.Serialize.MedianMs)));
        }

        return "### Translation against parse and serialize (same process, medians)\n\n" + table;
    }

    private static string Time(StageTime t) => $"{Format.Ms(TimeSpan.FromMilliseconds(t.MedianMs))} ({Format.Ms(TimeSpan.FromMilliseconds(t.MinMs))})";

    private static SizeResult Child(int routes)
    {
        Console.Error.WriteLine($"   {routes} routes (child process)");
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (System.IO.Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        start.ArgumentList.Add("translate-size");
        start.ArgumentList.Add(routes.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"translate-size {routes} exited with {child.ExitCode}");
        }

        return JsonSerializer.Deserialize<SizeResult>(output.Trim().Split('\n')[^1])!;
    }
}
