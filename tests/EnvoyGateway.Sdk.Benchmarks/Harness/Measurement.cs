using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace EnvoyGateway.Sdk.Benchmarks.Harness;

/// <summary>Wall-clock times and allocated bytes of repeated runs of one operation, after warmup runs.</summary>
internal sealed record Measurement(IReadOnlyList<TimeSpan> Times, long AllocatedBytesPerRun)
{
    public TimeSpan Median => Sorted[Sorted.Count / 2];

    public TimeSpan Min => Sorted[0];

    public TimeSpan Max => Sorted[^1];

    private List<TimeSpan> Sorted => Times.Order().ToList();

    /// <summary>Runs <paramref name="action"/> <paramref name="warmup"/> times unmeasured, then <paramref name="runs"/> times.</summary>
    public static Measurement Of(Action action, int warmup, int runs)
    {
        for (var i = 0; i < warmup; i++)
        {
            action();
        }

        var times = new List<TimeSpan>(runs);
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            // Start every run from a collected heap so one run's garbage is not billed to the next.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            action();
            clock.Stop();
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            times.Add(clock.Elapsed);
        }

        return new Measurement(times, allocated / runs);
    }

    /// <summary>One timed run (no warmup): for first-run (cold) numbers.</summary>
    public static TimeSpan Once(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }
}
