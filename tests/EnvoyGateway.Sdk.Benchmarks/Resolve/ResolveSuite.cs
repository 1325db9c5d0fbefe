using System;
using System.Collections.Generic;
using EnvoyGateway.Sdk.Benchmarks.Harness;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Sdk.Benchmarks.Resolve;

/// <summary><see cref="PolicyResolver.Resolve"/> on 1,000 and 10,000 HTTPRoutes with one BackendTrafficPolicy each.</summary>
internal static class ResolveSuite
{
    private static readonly (int Routes, int Warmup, int Runs)[] Sizes = [(1_000, 3, 11), (10_000, 1, 5)];

    public static string Run()
    {
        var table = new MarkdownTable("HTTPRoutes", "resources", "Resolve median (min–max)", "per route", "allocated per run", "allocated per route");
        var sets = new List<(int Routes, ResourceSet Resources)>();
        Measurement? small = null;
        Measurement? large = null;
        foreach (var (routes, warmup, runs) in Sizes)
        {
            var resources = ResourceSet.FromYaml(SyntheticScenario.Yaml(routes), $"synthetic-{routes}.yaml");
            sets.Add((routes, resources));
            var check = PolicyResolver.Resolve(resources);
            if (check.Policies.Length != 2 * 3 + routes)
            {
                throw new InvalidOperationException($"expected {2 * 3 + routes} policies, got {check.Policies.Length}");
            }

            var m = Measurement.Of(() => PolicyResolver.Resolve(resources), warmup, runs);
            table.Add(Format.Int(routes), Format.Int(resources.Resources.Length),
                $"{Format.Ms(m.Median)} ({Format.Ms(m.Min)}–{Format.Ms(m.Max)})",
                Format.Us(m.Median.TotalMicroseconds / routes),
                Format.Mb(m.AllocatedBytesPerRun),
                Format.Kb((double)m.AllocatedBytesPerRun / routes));
            (small, large) = routes == 1_000 ? (m, large) : (small, m);
        }

        var timeGrowth = large!.Median / small!.Median;
        var allocationGrowth = (double)large.AllocatedBytesPerRun / small.AllocatedBytesPerRun;
        return table + $"\n10k/1k growth: time {Format.Ratio(timeGrowth)}, allocated bytes {Format.Ratio(allocationGrowth)} (10× means linear). "
            + "Each route has a BackendTrafficPolicy (every tenth StrategicMerge); half attach to listener http, half to the whole Gateway; "
            + "the Gateway and listener http also carry a BackendTrafficPolicy, ClientTrafficPolicy and SecurityPolicy each. "
            + "Loading the YAML is not timed.\n\n"
            + "### Where the time goes (Stopwatch sections, median of 3)\n\n" + ResolveProfile.Run(sets);
    }
}
