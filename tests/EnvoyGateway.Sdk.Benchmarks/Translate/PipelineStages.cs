using System;
using System.Collections.Immutable;
using EnvoyGateway.Sdk.Translation;
using EnvoyGateway.Sdk.Translation.Xds;
using Google.Protobuf;

namespace EnvoyGateway.Sdk.Benchmarks.Translate;

/// <summary>The four stages of <c>egsdk translate --output xds</c>, callable one by one so each can be timed.</summary>
internal static class PipelineStages
{
    /// <summary>A fixed clock, so certificate checks and output never depend on when the benchmark runs.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static ResourceSet Parse(string yaml, string name) => ResourceSet.FromYaml(yaml, name);

    /// <summary>YamlDotNet's own parse into a node tree (no typed model, no source positions): the floor for any YAML reader.</summary>
    public static int ParseYamlOnly(string yaml)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new System.IO.StringReader(yaml));
        return stream.Documents.Count;
    }

    public static PolicyResolution Resolve(ResourceSet resources) => PolicyResolver.Resolve(resources);

    public static ImmutableArray<GatewayXdsResources> Translate(PolicyResolution resolution) => XdsTranslator.Translate(resolution, Now);

    /// <summary>Serializes every produced resource to protobuf bytes, as an xDS server sends them; returns the byte count.</summary>
    public static long Serialize(ImmutableArray<GatewayXdsResources> gateways)
    {
        long bytes = 0;
        foreach (var gateway in gateways)
        {
            bytes += Sum(gateway.Listeners) + Sum(gateway.Routes) + Sum(gateway.Clusters) + Sum(gateway.Endpoints) + Sum(gateway.Secrets);
        }

        return bytes;
    }

    /// <summary>The number of produced resources (listeners, route configurations, clusters, assignments, secrets).</summary>
    public static int ResourceCount(ImmutableArray<GatewayXdsResources> gateways)
    {
        var count = 0;
        foreach (var g in gateways)
        {
            count += g.Listeners.Length + g.Routes.Length + g.Clusters.Length + g.Endpoints.Length + g.Secrets.Length;
        }

        return count;
    }

    private static long Sum<T>(ImmutableArray<T> messages)
        where T : IMessage
    {
        long bytes = 0;
        foreach (var message in messages)
        {
            bytes += message.ToByteArray().Length;
        }

        return bytes;
    }
}
