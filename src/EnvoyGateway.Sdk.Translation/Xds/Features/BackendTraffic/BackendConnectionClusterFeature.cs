using Envoy.Config.Cluster.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>connection</c>: <c>bufferLimit</c> → <c>Cluster.per_connection_buffer_limit_bytes</c>
/// (replacing the 32 KiB default); <c>preconnect</c> percentages → <c>Cluster.preconnect_policy</c> ratios (percent × 0.01).
/// </summary>
internal sealed class BackendConnectionClusterFeature : IClusterFeature
{
    public string Name => "btp.connection";

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.BackendConnection is not { } connection)
        {
            return;
        }

        if (connection.BufferLimitBytes is { } limit)
        {
            cluster.PerConnectionBufferLimitBytes = limit;
        }

        if (connection.PreconnectPerEndpointPercent is null && connection.PreconnectPredictivePercent is null)
        {
            return;
        }

        var preconnect = new Cluster.Types.PreconnectPolicy();
        if (connection.PreconnectPerEndpointPercent is { } perEndpoint)
        {
            preconnect.PerUpstreamPreconnectRatio = perEndpoint * 0.01;
        }

        if (connection.PreconnectPredictivePercent is { } predictive)
        {
            preconnect.PredictivePreconnectRatio = predictive * 0.01;
        }

        cluster.PreconnectPolicy = preconnect;
    }
}
