using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.BandwidthLimit.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>bandwidthLimit</c> (envoy-mapping.md §1, pattern B of §6): disabled HCM filters
/// <c>envoy.filters.http.bandwidth_limit/request</c> and <c>/response</c> (stat prefix <c>http_bandwidth_limiter</c>,
/// mode DISABLED); each route enables its directions with <c>limit_kbps</c> and the response trailers settings.
/// </summary>
internal sealed class BandwidthLimitFilterFeature : IHttpFilterFeature
{
    public const string RequestFilter = "envoy.filters.http.bandwidth_limit/request";
    public const string ResponseFilter = "envoy.filters.http.bandwidth_limit/response";
    public const string StatPrefix = "http_bandwidth_limiter";

    public string Name => "btp.bandwidthLimit";

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (routes.Any(r => r.Traffic?.BandwidthLimit?.Request is not null))
        {
            yield return Disabled(RequestFilter);
        }

        if (routes.Any(r => r.Traffic?.BandwidthLimit?.Response is not null))
        {
            yield return Disabled(ResponseFilter);
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.BandwidthLimit is not { } limit || xdsRoute.Route_ is null)
        {
            return;
        }

        if (limit.Request is { } request)
        {
            xdsRoute.TypedPerFilterConfig[RequestFilter] = Any.Pack(Limit(request, BandwidthLimit.Types.EnableMode.Request));
        }

        if (limit.Response is { } response)
        {
            xdsRoute.TypedPerFilterConfig[ResponseFilter] = Any.Pack(Limit(response, BandwidthLimit.Types.EnableMode.Response));
        }
    }

    private static HttpFilter Disabled(string name) => new()
    {
        Name = name,
        Disabled = true,
        TypedConfig = Any.Pack(new BandwidthLimit { StatPrefix = StatPrefix, EnableMode = BandwidthLimit.Types.EnableMode.Disabled }),
    };

    private static BandwidthLimit Limit(BandwidthLimitDirectionIr direction, BandwidthLimit.Types.EnableMode mode)
    {
        var config = new BandwidthLimit { StatPrefix = StatPrefix, EnableMode = mode, LimitKbps = direction.LimitKbps };
        if (direction.EnableResponseTrailers)
        {
            config.EnableResponseTrailers = true;
            if (direction.ResponseTrailerPrefix is { } prefix)
            {
                config.ResponseTrailerPrefix = prefix;
            }
        }

        return config;
    }
}
