using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>useClientProtocol</c> → the cluster's upstream HTTP protocol options
/// <c>use_downstream_protocol_config{http_protocol_options, http2_protocol_options}</c>, which wins over every other
/// protocol choice (HTTP/2 keeps Envoy Gateway's window sizes).
/// </summary>
internal sealed class UseClientProtocolClusterFeature : IClusterFeature
{
    public string Name => "btp.useClientProtocol";

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic is not { UseClientProtocol: true })
        {
            return;
        }

        ClusterTranslator.UpdateHttpProtocolOptions(cluster, options => options.UseDownstreamProtocolConfig = new UpstreamHttpProtocolOptions.Types.UseDownstreamHttpConfig
        {
            HttpProtocolOptions = new Http1ProtocolOptions(),
            Http2ProtocolOptions = new Http2ProtocolOptions { InitialStreamWindowSize = 65536, InitialConnectionWindowSize = 1048576 },
        });
    }
}
