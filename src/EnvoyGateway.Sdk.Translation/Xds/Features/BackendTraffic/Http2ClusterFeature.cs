using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>http2</c> → the upstream <c>Http2ProtocolOptions</c> of clusters that speak HTTP/2
/// (gRPC / h2c backends, or <c>useClientProtocol</c>): window sizes, max concurrent streams and
/// <c>onInvalidMessage</c> → <c>override_stream_error_on_invalid_http_message</c>. HTTP/1.1 clusters have no HTTP/2 options to change.
/// </summary>
internal sealed class Http2ClusterFeature : IClusterFeature
{
    public string Name => "btp.http2";

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.Http2 is not { } http2 || !cluster.TypedExtensionProtocolOptions.ContainsKey(XdsNames.HttpProtocolOptionsKey))
        {
            return;
        }

        ClusterTranslator.UpdateHttpProtocolOptions(cluster, options =>
        {
            var target = options.UpstreamProtocolOptionsCase switch
            {
                UpstreamHttpProtocolOptions.UpstreamProtocolOptionsOneofCase.ExplicitHttpConfig => options.ExplicitHttpConfig.Http2ProtocolOptions,
                UpstreamHttpProtocolOptions.UpstreamProtocolOptionsOneofCase.UseDownstreamProtocolConfig => options.UseDownstreamProtocolConfig.Http2ProtocolOptions,
                _ => null,
            };
            if (target is not null)
            {
                Apply(http2, target);
            }
        });
    }

    private static void Apply(EnvoyGateway.Sdk.Translation.Features.BackendTraffic.Http2Ir http2, Http2ProtocolOptions options)
    {
        if (http2.InitialStreamWindowSize is { } stream)
        {
            options.InitialStreamWindowSize = stream;
        }

        if (http2.InitialConnectionWindowSize is { } connection)
        {
            options.InitialConnectionWindowSize = connection;
        }

        if (http2.MaxConcurrentStreams is { } streams)
        {
            options.MaxConcurrentStreams = (uint)streams;
        }

        if (http2.ResetStreamOnError is { } reset)
        {
            options.OverrideStreamErrorOnInvalidHttpMessage = reset;
        }
    }
}
