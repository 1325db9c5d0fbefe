using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>External service clusters backed by Services: EDS (or DNS, for FQDN endpoints) clusters with Envoy Gateway's defaults, like route clusters.</summary>
internal static class ServiceClusters
{
    public static void Add(DestinationIr destination, XdsResourceSink sink)
    {
        var cluster = ClusterTranslator.Translate(destination);
        sink.Clusters.Add(cluster);
        var assignment = ClusterTranslator.Endpoints(destination);
        if (!ClusterTranslator.InlineEndpoints(cluster, assignment))
        {
            sink.Endpoints.Add(assignment);
        }
    }
}
