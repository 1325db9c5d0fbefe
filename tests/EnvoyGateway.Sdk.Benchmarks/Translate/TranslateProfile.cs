using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using EnvoyGateway.Sdk.Benchmarks.Harness;
using EnvoyGateway.Sdk.Translation.Xds;
using EnvoyGateway.Sdk.Translation.Xds.Features;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Benchmarks.Translate;

/// <summary>
/// Stopwatch sections over the phases of <see cref="XdsTranslator.Translate(Translation.PolicyResolution, DateTimeOffset?)"/>,
/// called in the same order it calls them: effective policies, IR, protos (core translators and features), PGV.
/// </summary>
internal static class TranslateProfile
{
    public static string Run(int[] sizes)
    {
        var table = new MarkdownTable("HTTPRoutes", "effective policies", "IR build", "protos + features", "PGV validation", "total");
        foreach (var routes in sizes)
        {
            var resolution = PipelineStages.Resolve(PipelineStages.Parse(ScaleScenario.Yaml(routes), "profile.yaml"));
            Sections(resolution); // warmup
            var runs = Enumerable.Range(0, 3).Select(_ => Sections(resolution)).ToList();
            var medians = Enumerable.Range(0, 4).Select(i => runs.Select(r => r[i]).Order().ElementAt(runs.Count / 2)).ToList();
            table.Add(Format.Int(routes), Format.Ms(medians[0]), Format.Ms(medians[1]), Format.Ms(medians[2]), Format.Ms(medians[3]),
                Format.Ms(medians.Aggregate(TimeSpan.Zero, (a, b) => a + b)));
        }

        return "### Where translation time goes (Stopwatch sections, median of 3)\n\n" + table;
    }

    private static TimeSpan[] Sections(Translation.PolicyResolution resolution)
    {
        var clock = Stopwatch.StartNew();
        var policies = new EffectivePolicies(resolution.Graph, resolution.Outcomes, PipelineStages.Now);
        var effective = Lap(clock);
        var irs = new IrBuilder(resolution.Graph, policies).Build();
        var ir = Lap(clock);
        var translator = new XdsGatewayTranslator(XdsFeatureRegistry.Default);
        var built = new List<GatewayXdsResources>();
        foreach (var gateway in irs)
        {
            built.Add(translator.Translate(gateway));
        }

        var protos = Lap(clock);
        var violations = built.Sum(b => XdsTranslator.PgvViolations(b).Count());
        var pgv = Lap(clock);
        GC.KeepAlive(violations);
        return [effective, ir, protos, pgv];
    }

    private static TimeSpan Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed;
        clock.Restart();
        return elapsed;
    }
}
