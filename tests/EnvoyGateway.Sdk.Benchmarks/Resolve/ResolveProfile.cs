using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using EnvoyGateway.Sdk.Benchmarks.Harness;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Sdk.Benchmarks.Resolve;

/// <summary>
/// Stopwatch sections over the steps of <see cref="PolicyResolver.Resolve"/>, replayed through reflection in the same
/// order (the engine's types are internal and this project must not change them), plus the route lookup that the
/// route pass performs once per route-targeting policy.
/// </summary>
internal static class ResolveProfile
{
    private static readonly Assembly Translation = typeof(PolicyResolver).Assembly;

    public static string Run(IEnumerable<(int Routes, ResourceSet Resources)> sizes)
    {
        var table = new MarkdownTable("HTTPRoutes", "graph build", "ClientTrafficPolicy engine", "BackendTrafficPolicy engine", "SecurityPolicy engine",
            "ResourceGraph.FindRoute × routes", "ScopeGraph.AddEdge(Gateway → route) × routes");
        try
        {
            foreach (var (routes, resources) in sizes)
            {
                Sections(resources); // warmup
                var times = Enumerable.Range(0, 3).Select(_ => Sections(resources)).ToList();
                table.Add(Format.Int(routes), Median(times, 0), Median(times, 1), Median(times, 2), Median(times, 3), Median(times, 4), Median(times, 5));
            }
        }
        catch (Exception e) when (e is MissingMemberException or TargetInvocationException or InvalidOperationException or NullReferenceException)
        {
            return $"(profile unavailable: the engine's internals changed: {e.GetType().Name}: {e.Message})\n";
        }

        return table.ToString();
    }

    private static string Median(List<TimeSpan[]> runs, int column) => Format.Ms(runs.Select(r => r[column]).Order().ElementAt(runs.Count / 2));

    private static TimeSpan[] Sections(ResourceSet resources)
    {
        var graphType = Type("Graph.ResourceGraph");
        var outcomes = Create("Precedence.PolicyOutcomes");
        var clock = Stopwatch.StartNew();
        var graph = Type("Graph.ResourceGraphBuilder").GetMethod("Build", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!
            .Invoke(null, [resources.Resources, PolicyResolverOptions.Default.ControllerNamespace, new List<LoadedResource>()])!;
        var build = Lap(clock);

        Run(Create("Precedence.ClientTrafficEngine", graph, Create("Precedence.ClientTrafficTranslator", graph), outcomes));
        var ctp = Lap(clock);
        Run(Create("Precedence.RoutePolicyEngine", graph, Create("Precedence.BackendTrafficTranslator", graph), outcomes));
        var btp = Lap(clock);
        Run(Create("Precedence.RoutePolicyEngine", graph, Create("Precedence.SecurityTranslator", graph, outcomes), outcomes));
        var sp = Lap(clock);

        // What ProcessRouteTarget does first for each route policy: a lookup of its route.
        var findRoute = graphType.GetMethod("FindRoute")!;
        var keys = ((IEnumerable)graphType.GetProperty("Routes")!.GetValue(graph)!).Cast<object>()
            .Select(r => (Kind: Property(r, "Kind"), Namespace: Property(r, "Namespace"), Name: Property(r, "Name"))).ToList();
        var find = findRoute.CreateDelegate<Func<string, string, string, object?>>(graph);
        clock.Restart();
        foreach (var (kind, ns, name) in keys)
        {
            _ = find(kind, ns, name) ?? throw new InvalidOperationException($"route {name} not found");
        }

        var lookups = Lap(clock);

        // What RecordRouteEdges does for each route policy: an override edge from the route's parent to the route.
        var scopeType = Type("Precedence.Scope");
        var gateway = scopeType.GetMethod("Gateway")!.Invoke(null, ["default", "gw"])!;
        var routeScopes = keys.Select(k => scopeType.GetMethod("Route")!.Invoke(null, [k.Kind, k.Namespace, k.Name])!).ToList();
        var scopeGraph = Create("Precedence.ScopeGraph");
        var addEdge = scopeGraph.GetType().GetMethod("AddEdge")!;
        clock.Restart();
        foreach (var route in routeScopes)
        {
            addEdge.Invoke(scopeGraph, [gateway, route]);
        }

        var edges = Lap(clock);
        return [build, ctp, btp, sp, lookups, edges];
    }

    private static TimeSpan Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed;
        clock.Restart();
        return elapsed;
    }

    private static string Property(object target, string name) => (string)target.GetType().GetProperty(name)!.GetValue(target)!;

    private static void Run(object engine) => engine.GetType().GetMethod("Run")!.Invoke(engine, null);

    private static Type Type(string name) =>
        Translation.GetType("EnvoyGateway.Sdk.Translation." + name) ?? throw new MissingMemberException("EnvoyGateway.Sdk.Translation." + name);

    private static object Create(string name, params object[] args) =>
        Activator.CreateInstance(Type(name), BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, args, null)!;
}
