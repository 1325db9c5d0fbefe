using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Common.Ratelimit.V3;
using Envoy.Extensions.Filters.Http.LocalRatelimit.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Type.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>rateLimit.local</c> (envoy-mapping.md §1, pattern A of §6): a bucket-less
/// <c>envoy.filters.http.local_ratelimit</c> in the HCM; per route a full <c>LocalRateLimit</c> (stat prefix
/// <c>http_local_rate_limiter</c>, default bucket, 100% enabled and enforced, DRAFT_VERSION_03 headers, one descriptor
/// per rule × method). The compiled API lacks <c>LocalRateLimit.rate_limits</c>, so the descriptor actions go to
/// <c>RouteAction.rate_limits</c> (stage 0), as Envoy Gateway did before that field existed.
/// </summary>
internal sealed class LocalRateLimitFilterFeature : IHttpFilterFeature, IIrFeature
{
    public const string FilterName = "envoy.filters.http.local_ratelimit";
    public const string StatPrefix = "http_local_rate_limiter";
    private const string LocalRateLimitMessage = "envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit";

    public string Name => "btp.rateLimit.local";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var traffic in BackendTrafficGaps.PolicySets(gateway))
        {
            if (traffic.RateLimit?.Local is not { } local)
            {
                continue;
            }

            if (local.Rules.Any(r => r.ShadowMode == true))
            {
                BackendTrafficGaps.MissingField(gateway, traffic, "envoy.extensions.common.ratelimit.v3.LocalRateLimitDescriptor", "shadow_mode", "rateLimit.local.rules[].shadowMode");
            }

            if (local.Rules.Any(r => r.HeaderMatches.Any(h => h.Distinct) || r.CidrMatch?.Distinct == true))
            {
                BackendTrafficGaps.MissingField(gateway, traffic, LocalRateLimitMessage, "max_dynamic_descriptors", "rateLimit.local distinct selectors");
            }

            if (local.Rules.Any(r => r.QueryParamMatches.Any(q => q.Distinct)))
            {
                BackendTrafficGaps.MissingMessage(gateway, traffic, "envoy.config.route.v3.RateLimit.Action.QueryParameters", "rateLimit.local distinct queryParams (rule not emitted)");
            }
        }
    }

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes) =>
        routes.Any(r => r.Traffic?.RateLimit?.Local is not null)
            ? [new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(new LocalRateLimit { StatPrefix = StatPrefix }) }]
            : [];

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.RateLimit?.Local is not { } local || xdsRoute.Route_ is not { } action)
        {
            return;
        }

        var config = new LocalRateLimit
        {
            StatPrefix = StatPrefix,
            TokenBucket = RateLimitActions.Bucket(local.DefaultRequests, local.DefaultUnit),
            FilterEnabled = Everyone("local_rate_limit_enabled"),
            FilterEnforced = Everyone("local_rate_limit_enforced"),
            EnableXRatelimitHeaders = XRateLimitHeadersRFCVersion.DraftVersion03,
            AlwaysConsumeDefaultTokenBucket = false,
        };
        for (var r = 0; r < local.Rules.Count; r++)
        {
            var rule = local.Rules[r];
            foreach (var (actions, entries) in RateLimitActions.Build(rule, r, []) ?? [])
            {
                action.RateLimits.Add(new RateLimit { Actions = { actions } });
                config.Descriptors.Add(new LocalRateLimitDescriptor { Entries = { entries }, TokenBucket = RateLimitActions.Bucket(rule.Requests, rule.Unit) });
            }
        }

        xdsRoute.TypedPerFilterConfig[FilterName] = Any.Pack(config);
    }

    private static RuntimeFractionalPercent Everyone(string key) => new()
    {
        DefaultValue = new FractionalPercent { Numerator = 100, Denominator = FractionalPercent.Types.DenominatorType.Hundred },
        RuntimeKey = key,
    };
}
