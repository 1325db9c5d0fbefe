using System.Linq;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Retry.Host.PreviousHosts.V3;
using Envoy.Extensions.Retry.Priority.PreviousPriorities.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>retry</c> → <c>RouteAction.retry_policy</c> (envoy-mapping.md §1) with Envoy Gateway's
/// defaults: retry on connect-failure, refused-stream, unavailable, cancelled and retriable status 503, 2 retries,
/// 5 host-selection attempts and the previous-hosts predicate; <c>retryOn</c> replaces triggers and codes.
/// </summary>
internal sealed class RetryRouteFeature : IRouteFeature
{
    public const string DefaultRetryOn = "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";
    private const string RetriableStatusCodes = "retriable-status-codes";

    public string Name => "btp.retry";

    public void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.Retry is not { } retry || xdsRoute.Route_ is not { } action)
        {
            return;
        }

        var policy = new RetryPolicy
        {
            NumRetries = (uint)(retry.NumRetries ?? 2),
            HostSelectionRetryMaxAttempts = 5,
            RetryHostPredicate =
            {
                new RetryPolicy.Types.RetryHostPredicate { Name = "envoy.retry_host_predicates.previous_hosts", TypedConfig = Any.Pack(new PreviousHostsPredicate()) },
            },
        };
        if (retry.Triggers.Count == 0 && retry.HttpStatusCodes.Count == 0)
        {
            policy.RetryOn = DefaultRetryOn;
            policy.RetriableStatusCodes.Add(503);
        }
        else
        {
            var triggers = retry.Triggers.ToList();
            if (retry.HttpStatusCodes.Count > 0 && !triggers.Contains(RetriableStatusCodes))
            {
                triggers.Add(RetriableStatusCodes);
            }

            policy.RetryOn = string.Join(',', triggers);
            policy.RetriableStatusCodes.AddRange(retry.HttpStatusCodes.Select(c => (uint)c));
        }

        if (retry.PerRetryTimeout is { } perTry)
        {
            policy.PerTryTimeout = ProtoDefaults.Nanos(perTry);
        }

        if (retry.BaseInterval is { } baseInterval)
        {
            policy.RetryBackOff = new RetryPolicy.Types.RetryBackOff { BaseInterval = ProtoDefaults.Nanos(baseInterval) };
            if (retry.MaxInterval is { } maxInterval)
            {
                policy.RetryBackOff.MaxInterval = ProtoDefaults.Nanos(maxInterval);
            }
        }

        if (retry.NumAttemptsPerPriority is { } perPriority && perPriority > 0)
        {
            policy.RetryPriority = new RetryPolicy.Types.RetryPriority
            {
                Name = "envoy.retry_priorities.previous_priorities",
                TypedConfig = Any.Pack(new PreviousPrioritiesConfig { UpdateFrequency = perPriority }),
            };
        }

        action.RetryPolicy = policy;
    }
}
