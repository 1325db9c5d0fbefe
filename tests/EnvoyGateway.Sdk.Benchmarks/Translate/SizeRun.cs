using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Benchmarks.Harness;

namespace EnvoyGateway.Sdk.Benchmarks.Translate;

/// <summary>What one child process measured for one scenario size.</summary>
internal sealed record SizeResult(
    int Routes,
    int Documents,
    int Policies,
    long YamlBytes,
    int XdsResources,
    long ProtoBytes,
    int Warnings,
    StageTime YamlOnly,
    StageTime Parse,
    StageTime Resolve,
    StageTime Translate,
    StageTime Serialize,
    long RetainedBytes,
    long PeakWorkingSetBytes);

/// <summary>The median and minimum time and the allocations per run of one stage.</summary>
internal sealed record StageTime(double MedianMs, double MinMs, long AllocatedBytes)
{
    public static StageTime Of(Measurement m) => new(m.Median.TotalMilliseconds, m.Min.TotalMilliseconds, m.AllocatedBytesPerRun);
}

/// <summary>
/// Runs in a child process per size (<c>translate-size N</c>) so that the peak working set belongs to that size alone:
/// warms the JIT on a small scenario, then times each pipeline stage on <c>N</c> routes and prints one JSON line.
/// </summary>
internal static class SizeRun
{
    public static int Measure(int routes)
    {
        Warmup();
        var runs = routes >= 50_000 ? 3 : routes >= 10_000 ? 3 : 5;
        var yaml = ScaleScenario.Yaml(routes);
        var name = $"scale-{routes}.yaml";

        var yamlOnly = Measurement.Of(() => PipelineStages.ParseYamlOnly(yaml), warmup: 0, runs);
        var parse = Measurement.Of(() => PipelineStages.Parse(yaml, name), warmup: 0, runs);
        var resources = PipelineStages.Parse(yaml, name);
        var resolve = Measurement.Of(() => PipelineStages.Resolve(resources), warmup: 0, runs);
        var resolution = PipelineStages.Resolve(resources);
        Check(resolution, routes);
        var translate = Measurement.Of(() => PipelineStages.Translate(resolution), warmup: 0, runs);
        var xds = PipelineStages.Translate(resolution);
        var serialize = Measurement.Of(() => PipelineStages.Serialize(xds), warmup: 0, runs);
        var retained = GC.GetTotalMemory(forceFullCollection: true);

        var result = new SizeResult(
            routes,
            resources.Resources.Length,
            resolution.Policies.Length,
            System.Text.Encoding.UTF8.GetByteCount(yaml),
            PipelineStages.ResourceCount(xds),
            PipelineStages.Serialize(xds),
            xds.Sum(g => g.Warnings.Length),
            StageTime.Of(yamlOnly),
            StageTime.Of(parse),
            StageTime.Of(resolve),
            StageTime.Of(translate),
            StageTime.Of(serialize),
            retained,
            Process.GetCurrentProcess().PeakWorkingSet64);
        GC.KeepAlive(yaml);
        GC.KeepAlive(resources);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static void Warmup()
    {
        var yaml = ScaleScenario.Yaml(200);
        for (var i = 0; i < 3; i++)
        {
            PipelineStages.Serialize(PipelineStages.Translate(PipelineStages.Resolve(PipelineStages.Parse(yaml, "warmup.yaml"))));
        }
    }

    private static void Check(Translation.PolicyResolution resolution, int routes)
    {
        if (resolution.Policies.Length != ScaleScenario.PolicyCount(routes))
        {
            throw new InvalidOperationException($"expected {ScaleScenario.PolicyCount(routes)} policies, got {resolution.Policies.Length}");
        }
    }
}
