using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// External service clusters backed by Services: EDS (or DNS, for FQDN endpoints) clusters with Envoy Gateway's
/// defaults, like route clusters, and the service's <c>backendSettings</c> applied by the cluster features.
/// </summary>
internal static class ServiceClusters
{
    public static void Add(DestinationIr destination, ExtServiceTrafficIr? traffic, XdsResourceSink sink)
    {
        var cluster = ClusterTranslator.Translate(destination);
        var assignment = ClusterTranslator.Endpoints(destination);
        ExtServiceSettings.PatchCluster(traffic, destination, cluster, assignment, sink.ClusterFeatures);
        sink.Clusters.Add(cluster);

        // Like a route cluster: endpoints patched by the features first, then inline for DNS clusters, else EDS.
        if (!ClusterTranslator.InlineEndpoints(cluster, assignment))
        {
            sink.Endpoints.Add(assignment);
        }
    }
}
