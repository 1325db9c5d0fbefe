using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Xds.Features;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Validation;

namespace EnvoyGateway.Sdk.Translation.Xds;

/// <summary>
/// Translates resolved Gateway API resources and policies to Envoy xDS, one resource set per managed Gateway, with
/// Envoy Gateway's names and defaults so the result can be diffed with <c>egctl x translate --to xds</c>.
/// </summary>
public static class XdsTranslator
{
    /// <summary>Translates every managed Gateway of <paramref name="resolution"/> (in Gateway order).</summary>
    /// <param name="resolution">The policy resolution of the input.</param>
    /// <param name="now">The time certificates are checked against (default: now).</param>
    /// <returns>The resources per Gateway. Anything the PGV rules reject is reported in <see cref="GatewayXdsResources.Warnings"/>.</returns>
    public static ImmutableArray<GatewayXdsResources> Translate(PolicyResolution resolution, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return Translate(resolution, XdsFeatureRegistry.Default, now ?? DateTimeOffset.UtcNow);
    }

    internal static ImmutableArray<GatewayXdsResources> Translate(PolicyResolution resolution, XdsFeatureRegistry features, DateTimeOffset now)
    {
        var policies = new EffectivePolicies(resolution.Graph, resolution.Outcomes, now);
        var irs = new IrBuilder(resolution.Graph, policies).Build();
        var translator = new XdsGatewayTranslator(features);
        var results = new List<GatewayXdsResources>();
        foreach (var ir in irs)
        {
            var resources = translator.Translate(ir);
            resources.Warnings = resources.Warnings.AddRange(PgvViolations(resources));
            results.Add(resources);
        }

        return results.OrderBy(r => r.Gateway, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>The PGV violations of every resource, as <c>&lt;type&gt; &lt;name&gt;: &lt;violation&gt;</c>.</summary>
    internal static IEnumerable<string> PgvViolations(GatewayXdsResources resources) =>
        resources.Listeners.SelectMany(l => PgvValidator.Validate(l).Select(v => $"Listener {l.Name}: {v}"))
            .Concat(resources.Routes.SelectMany(r => PgvValidator.Validate(r).Select(v => $"RouteConfiguration {r.Name}: {v}")))
            .Concat(resources.Clusters.SelectMany(c => PgvValidator.Validate(c).Select(v => $"Cluster {c.Name}: {v}")))
            .Concat(resources.Endpoints.SelectMany(e => PgvValidator.Validate(e).Select(v => $"ClusterLoadAssignment {e.ClusterName}: {v}")))
            .Concat(resources.Secrets.SelectMany(s => PgvValidator.Validate(s).Select(v => $"Secret {s.Name}: {v}")));
}
