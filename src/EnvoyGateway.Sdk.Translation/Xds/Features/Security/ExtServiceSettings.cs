using System.Collections.Generic;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// The <c>backendSettings</c> of a SecurityPolicy external service (ext auth, remote JWKS, OIDC provider), as
/// envoy-mapping.md §1 maps them for clusters that no route uses: the cluster settings (circuit breaker, timeouts,
/// load balancer, health checks, TCP keepalive, proxy protocol, connection, HTTP/2) go through the registered cluster
/// features like a route cluster's, <c>timeout.http.maxStreamDuration</c> goes to the upstream HTTP protocol options,
/// and <c>retry</c> becomes the service's <c>envoy.config.core.v3.RetryPolicy</c> (set by the filter feature).
/// Everything else is reported by <see cref="Report"/>, never dropped silently.
/// </summary>
internal static class ExtServiceSettings
{
    private const string HttpProtocolOptionsMessage = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    /// <summary>Applies <paramref name="traffic"/>'s cluster settings to the cluster built for <paramref name="destination"/>.</summary>
    public static void PatchCluster(ExtServiceTrafficIr? traffic, DestinationIr destination, Cluster cluster, ClusterLoadAssignment assignment, IReadOnlyList<IClusterFeature> features)
    {
        if (traffic is null)
        {
            return;
        }

        destination.Traffic = traffic.Traffic;
        foreach (var feature in features)
        {
            feature.PatchCluster(destination, cluster);
            feature.PatchEndpoints(destination, assignment);
        }

        // No route carries this cluster's stream duration, so it is a protocol option of the cluster.
        if (traffic.Traffic.Timeout?.MaxStreamDuration is { } maxStream)
        {
            ClusterTranslator.UpdateHttpProtocolOptions(cluster, options =>
                (options.CommonHttpProtocolOptions ??= new HttpProtocolOptions()).MaxStreamDuration = ProtoDefaults.Nanos(maxStream));
        }
    }

    /// <summary>
    /// <c>retry</c> as the <c>envoy.config.core.v3.RetryPolicy</c> of a non-route call: the route retry's default
    /// <c>retry_on</c> unless triggers are given, 2 retries unless set (the CRD default), and the back-off; per-try
    /// timeouts and retriable status codes have no place there (reported by <see cref="Report"/>).
    /// </summary>
    public static RetryPolicy? Retry(ExtServiceTrafficIr? traffic)
    {
        if (traffic?.Traffic.Retry is not { } retry)
        {
            return null;
        }

        var policy = new RetryPolicy
        {
            RetryOn = retry.Triggers.Count > 0 ? string.Join(',', retry.Triggers) : RetryRouteFeature.DefaultRetryOn,
            NumRetries = (uint)(retry.NumRetries ?? 2),
        };
        if (retry.BaseInterval is { } baseInterval)
        {
            policy.RetryBackOff = new BackoffStrategy { BaseInterval = ProtoDefaults.Nanos(baseInterval) };
            if (retry.MaxInterval is { } maxInterval)
            {
                policy.RetryBackOff.MaxInterval = ProtoDefaults.Nanos(maxInterval);
            }
        }

        return policy;
    }

    /// <summary>Where an external service runs and what its filter can carry, for <see cref="Report"/>.</summary>
    /// <param name="Destination">
    /// The service's cluster when it comes from backendRefs; null for a cluster derived from a URL (resolved through DNS).
    /// </param>
    /// <param name="RetryGap">The message and field that would carry the retry policy when the compiled API lacks it.</param>
    public sealed record Target(DestinationIr? Destination, (string Message, string Field)? RetryGap = null)
    {
        /// <summary>The cluster resolves its endpoints through DNS: a URL cluster, or backends with FQDN endpoints.</summary>
        public bool DnsCluster => Destination?.IsDns ?? true;

        /// <summary>The cluster speaks HTTP/2 (gRPC service, or a Service port with appProtocol h2c/grpc).</summary>
        public bool Http2 => Destination?.Http2 ?? false;
    }

    /// <summary>Warns, once per policy and field, about every setting of <paramref name="traffic"/> that is not translated.</summary>
    public static void Report(GatewayIr gateway, SecurityIr policy, ExtServiceTrafficIr? traffic, Target target)
    {
        if (traffic is null)
        {
            return;
        }

        var field = traffic.Field;
        foreach (var warning in Warnings(traffic, target))
        {
            SecurityPolicies.Warn(gateway, warning.Gap is { } gap
                ? SecurityPolicies.FieldNotEmitted(policy, gap.Message, gap.Field, field + "." + warning.Setting)
                : SecurityPolicies.NotTranslated(policy, field + "." + warning.Setting, warning.Reason!));
        }

        if (target.Destination is { } destination && ZoneLocalities.Problem(destination, traffic.Traffic) is { } problem)
        {
            SecurityPolicies.Warn(gateway, $"SecurityPolicy {policy.Namespace}/{policy.Name} {field}: {problem}");
        }
    }

    private static IEnumerable<(string Setting, (string Message, string Field)? Gap, string? Reason)> Warnings(ExtServiceTrafficIr traffic, Target target)
    {
        var settings = traffic.Settings;
        var ir = traffic.Traffic;
        if (ir.Retry is { } retry)
        {
            if (target.RetryGap is { } retryGap)
            {
                yield return ("retry", retryGap, null);
            }
            else
            {
                if (retry.PerRetryTimeout is not null)
                {
                    yield return ("retry.perRetry.timeout", null, "per-try timeouts exist only for route retries");
                }

                if (retry.HttpStatusCodes.Count > 0)
                {
                    yield return ("retry.retryOn.httpStatusCodes", null, "retriable status codes exist only for route retries");
                }

                if (retry.NumAttemptsPerPriority is not null)
                {
                    yield return ("retry.numAttemptsPerPriority", null, "retry priorities exist only for route retries");
                }

                if (retry.MaxInterval is not null && retry.BaseInterval is null)
                {
                    yield return ("retry.perRetry.backOff.maxInterval", null, "a back-off needs baseInterval");
                }
            }
        }

        if (ir.Timeout?.RequestTimeout is not null)
        {
            yield return ("timeout.http.requestTimeout", null, "request timeouts belong to routes; the service call has its own timeout");
        }

        if (ir.Timeout?.StreamIdleTimeout is not null)
        {
            yield return ("timeout.http.streamIdleTimeout", null, "stream idle timeouts belong to routes");
        }

        if (ir.LoadBalancer is { Type: "ConsistentHash" })
        {
            yield return ("loadBalancer.consistentHash", (HttpProtocolOptionsMessage, "hash_policy"), null);
        }

        foreach (var (message, gapField, policyField) in LoadBalancerClusterFeature.MissingFields(ir.LoadBalancer))
        {
            yield return (policyField, (message, gapField), null);
        }

        var loadBalancer = settings.LoadBalancer;
        if (loadBalancer?.Type?.Value is "DynamicModule" || loadBalancer?.DynamicModule is not null)
        {
            yield return ("loadBalancer.dynamicModule", null, "not implemented by Envoy Gateway");
        }

        if (loadBalancer?.EndpointOverride is not null)
        {
            yield return ("loadBalancer.endpointOverride", null, "the override_host load balancing policy is not built");
        }

        if (settings.CircuitBreaker?.RetryBudget is not null)
        {
            yield return ("circuitBreaker.retryBudget", null, "retry budgets are not built");
        }

        if (settings.Connection?.SocketBufferLimit is not null)
        {
            yield return ("connection.socketBufferLimit", null, "not implemented by Envoy Gateway");
        }

        // lookupFamily sets Cluster.dns_lookup_family on any cluster; the rest is DNS cluster config.
        if (!target.DnsCluster && (ir.Dns?.RefreshRateNanoseconds is not null || ir.Dns?.RespectDnsTtl is not null))
        {
            yield return ("dns", null, "the backends are Services with IP endpoints, resolved through EDS; only lookupFamily applies");
        }

        if (target.DnsCluster && ir.Dns?.RefreshRateNanoseconds is { } rate && rate <= DnsClusterFeature.MinimumRefreshNanoseconds)
        {
            yield return ("dns.dnsRefreshRate", null, DnsClusterFeature.RefreshRateTooLow(rate));
        }

        if (ir.Http2 is not null && !target.Http2)
        {
            yield return ("http2", null, "the service is called over HTTP/1.1");
        }

        if (settings.Http2?.ConnectionKeepalive is not null)
        {
            yield return ("http2.connectionKeepalive", null, "HTTP/2 keepalive pings are not built");
        }

        if (settings.HealthCheck?.Active?.HealthCheckLog is not null)
        {
            yield return ("healthCheck.active.healthCheckLog", null, "health-check logging is not built");
        }
    }
}
