using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features;

/// <summary>
/// BackendTrafficPolicy <c>circuitBreaker</c> → <c>Cluster.circuit_breakers</c> (envoy-mapping.md §1): the DEFAULT
/// priority thresholds (unset values keep Envoy's defaults; max_retries stays 1024 unless maxParallelRetries is set),
/// per-endpoint max connections, and <c>maxRequestsPerConnection</c> in the upstream HTTP protocol options. A
/// Gateway-level policy reaches every route rule, and each rule's cluster gets its own thresholds.
/// </summary>
internal sealed class CircuitBreakerClusterFeature : IClusterFeature
{
    public string Name => "btp.circuitBreaker";

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.CircuitBreaker is not { } breaker)
        {
            return;
        }

        var thresholds = new CircuitBreakers.Types.Thresholds { MaxRetries = breaker.MaxParallelRetries ?? 1024 };
        if (breaker.MaxConnections is { } connections)
        {
            thresholds.MaxConnections = connections;
        }

        if (breaker.MaxPendingRequests is { } pending)
        {
            thresholds.MaxPendingRequests = pending;
        }

        if (breaker.MaxParallelRequests is { } requests)
        {
            thresholds.MaxRequests = requests;
        }

        cluster.CircuitBreakers = new CircuitBreakers { Thresholds = { thresholds } };
        if (breaker.PerEndpointMaxConnections is { } perEndpoint)
        {
            cluster.CircuitBreakers.PerHostThresholds.Add(new CircuitBreakers.Types.Thresholds { MaxConnections = perEndpoint });
        }

        if (breaker.MaxRequestsPerConnection is { } perConnection)
        {
            ClusterTranslator.UpdateHttpProtocolOptions(cluster, options =>
                (options.CommonHttpProtocolOptions ??= new HttpProtocolOptions()).MaxRequestsPerConnection = perConnection);
        }
    }
}
