using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Cors.V3;
using CorsPolicy = Envoy.Extensions.Filters.Http.Cors.V3.CorsPolicy;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Type.Matcher.V3;
using EnvoyGateway.Sdk.Translation.Features.Go;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// SecurityPolicy <c>cors</c> (envoy-mapping.md §3, §6 pattern A): an empty <c>envoy.filters.http.cors</c> filter on
/// the HCM (inert on routes without a policy) and the route's <c>CorsPolicy</c> in <c>typed_per_filter_config</c>:
/// origins (wildcards as regex), lists joined with <c>", "</c> (<c>*</c> when any entry is <c>*</c>), max age in
/// seconds, <c>allow_credentials</c> always set, <c>forward_not_matching_preflights</c> false.
/// </summary>
internal sealed class CorsFilterFeature : IHttpFilterFeature
{
    public const string FilterName = "envoy.filters.http.cors";

    public string Name => "sp.cors";

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (routes.Any(r => r.Security?.Features.Cors is not null))
        {
            yield return new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(new Cors()) };
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Security?.Features.Cors is { } cors)
        {
            xdsRoute.TypedPerFilterConfig[FilterName] = Any.Pack(Policy(cors));
        }
    }

    internal static CorsPolicy Policy(CorsIr cors)
    {
        var policy = new CorsPolicy
        {
            AllowMethods = Join(cors.AllowMethods),
            AllowHeaders = Join(cors.AllowHeaders),
            ExposeHeaders = Join(cors.ExposeHeaders),
            AllowCredentials = cors.AllowCredentials,
            ForwardNotMatchingPreflights = false,
        };
        policy.AllowOriginStringMatch.AddRange(cors.AllowOrigins.Select(o => o.Exact is { } exact
            ? new StringMatcher { Exact = exact }
            : new StringMatcher { SafeRegex = new RegexMatcher { Regex = o.SafeRegex } }));
        if (cors.MaxAge is { } maxAge && GoDuration.TryParse(maxAge, out var nanos, out _))
        {
            policy.MaxAge = (nanos / 1_000_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return policy;
    }

    private static string Join(IReadOnlyList<string> values) => values.Contains("*") ? "*" : string.Join(", ", values);
}
