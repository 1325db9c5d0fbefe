using System.IO;
using System.Linq;
using System.Collections.Generic;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation;
using EnvoyGateway.Sdk.Translation.Xds;

namespace XdsSummary;

/// <summary>Resolves the policies of a YAML input, translates every managed Gateway to xDS and summarises the result.</summary>
public static class Summary
{
    public static string Of(string yamlPath)
    {
        var resolution = PolicyResolver.Resolve(ResourceSet.FromFiles(yamlPath));
        var text = new List<string>();
        foreach (var policy in resolution.Policies)
        {
            var accepted = policy.Ancestors.All(a => a.Conditions.Any(c => c.Type == "Accepted" && c.Status == "True"));
            text.Add($"{policy.Kind} {policy.Namespace}/{policy.Name}: {(accepted ? "accepted" : "NOT accepted")}");
        }

        foreach (var gateway in XdsTranslator.Translate(resolution))
        {
            text.Add($"Gateway {gateway.Gateway}: {gateway.Listeners.Length} listeners, {gateway.Routes.Length} route configurations, "
                + $"{gateway.Clusters.Length} clusters, {gateway.Endpoints.Length} endpoint sets, {gateway.Secrets.Length} secrets");
            foreach (var listener in gateway.Listeners)
            {
                var hcm = listener.DefaultFilterChain?.Filters.Concat(listener.FilterChains.SelectMany(c => c.Filters))
                    .FirstOrDefault(f => f.TypedConfig?.Is(HttpConnectionManager.Descriptor) == true)?.TypedConfig.Unpack<HttpConnectionManager>();
                var filters = hcm is null ? "(no HTTP)" : string.Join(" -> ", hcm.HttpFilters.Select(f => f.Name));
                text.Add($"  listener {listener.Name}: {filters}");
            }

            foreach (var route in gateway.Routes.SelectMany(r => r.VirtualHosts).SelectMany(v => v.Routes))
            {
                var retries = route.Route_?.RetryPolicy?.NumRetries;
                text.Add($"  route {route.Name} -> {route.Route_?.Cluster}{(retries is null ? string.Empty : $", {retries} retries")}");
            }

            foreach (var cluster in gateway.Clusters)
            {
                var maxConnections = cluster.CircuitBreakers?.Thresholds.FirstOrDefault()?.MaxConnections;
                text.Add($"  cluster {cluster.Name}{(maxConnections is null ? string.Empty : $", maxConnections {maxConnections}")}");
            }

            foreach (var warning in gateway.Warnings)
            {
                text.Add($"  warning: {warning}");
            }
        }

        return string.Join("\n", text) + "\n";
    }
}
