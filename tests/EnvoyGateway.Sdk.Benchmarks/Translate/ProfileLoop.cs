namespace EnvoyGateway.Sdk.Benchmarks.Translate;

/// <summary>
/// <c>translate-loop N K</c>: parses the N-route scenario once, then resolves and translates it K times, so that a
/// sampling profiler attached to this process sees translation and little else. See docs/benchmarks.md.
/// </summary>
internal static class ProfileLoop
{
    public static int Run(int routes, int times)
    {
        var resources = PipelineStages.Parse(ScaleScenario.Yaml(routes), "profile.yaml");
        long bytes = 0;
        for (var i = 0; i < times; i++)
        {
            bytes += PipelineStages.Serialize(PipelineStages.Translate(PipelineStages.Resolve(resources)));
        }

        System.Console.WriteLine($"{times} × {routes} routes: {bytes} protobuf bytes");
        return 0;
    }
}
