using System.Collections.Generic;
using System.Linq;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// Gateway API match precedence as Envoy Gateway sorts a listener's routes: Exact before RegularExpression before
/// PathPrefix, longer paths first, then more header (method included) and query parameter matches; ties keep input order.
/// </summary>
internal static class HttpRouteOrder
{
    public static List<HttpRouteIr> Sort(IEnumerable<HttpRouteIr> routes) =>
        routes.Select((r, i) => (Route: r, Index: i))
            .OrderBy(x => TypeRank(x.Route.Path))
            .ThenByDescending(x => x.Route.Path?.Value.Length ?? 0)
            .ThenByDescending(x => x.Route.Headers.Count)
            .ThenByDescending(x => x.Route.QueryParams.Count)
            .ThenBy(x => x.Index)
            .Select(x => x.Route)
            .ToList();

    private static int TypeRank(PathMatchIr? path) => path?.Type switch
    {
        "Exact" => 0,
        "RegularExpression" => 1,
        "PathPrefix" => 2,
        _ => 3,
    };
}
