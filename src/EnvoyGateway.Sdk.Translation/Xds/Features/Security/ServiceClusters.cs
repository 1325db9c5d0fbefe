using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>External service clusters backed by Services: EDS clusters with Envoy Gateway's defaults, like route clusters.</summary>
internal static class ServiceClusters
{
    public static void Add(DestinationIr destination, XdsResourceSink sink)
    {
        sink.Clusters.Add(ClusterTranslator.Translate(destination));
        sink.Endpoints.Add(ClusterTranslator.Endpoints(destination));
    }
}
