using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>Reads HTTPRoute and GRPCRoute matches into IR matches (Gateway API defaults applied: PathPrefix <c>/</c>, Exact).</summary>
internal static class HttpMatchReader
{
    /// <summary>The matches of a rule; a rule without matches matches everything (one default match).</summary>
    public static IReadOnlyList<JsonElement?> Matches(JsonElement? rule)
    {
        var matches = rule.Get("matches").Items().Select(m => (JsonElement?)m).ToList();
        return matches.Count == 0 ? [null] : matches;
    }

    public static void ApplyHttp(JsonElement? match, HttpRouteIr route)
    {
        var path = match.Get("path");
        route.Path = new PathMatchIr(path.Get("type").String() ?? "PathPrefix", path.Get("value").String() ?? "/");
        if (match.Get("method").String() is { } method)
        {
            route.Headers.Add(new StringMatchIr(":method", "Exact", method));
        }

        route.Headers.AddRange(StringMatches(match.Get("headers")));
        route.QueryParams.AddRange(StringMatches(match.Get("queryParams")));
    }

    // GRPC: service and method become the :path (exact /svc/method, prefix /svc/, or a regex for method alone).
    public static void ApplyGrpc(JsonElement? match, HttpRouteIr route)
    {
        var method = match.Get("method");
        var type = method.Get("type").String() ?? "Exact";
        var service = method.Get("service").String();
        var name = method.Get("method").String();
        route.Path = (type, service, name) switch
        {
            ("Exact", { } s, { } m) => new PathMatchIr("Exact", $"/{s}/{m}"),
            ("Exact", { } s, null) => new PathMatchIr("PathPrefix", $"/{s}/"),
            ("Exact", null, { } m) => new PathMatchIr("RegularExpression", $"/[a-zA-Z0-9_.]+/{m}"),
            ("RegularExpression", var s, var m) => new PathMatchIr("RegularExpression", $"/{s ?? "[a-zA-Z0-9_.]+"}/{m ?? "[a-zA-Z0-9_.]+"}"),
            _ => new PathMatchIr("PathPrefix", "/"),
        };
        route.Headers.AddRange(StringMatches(match.Get("headers")));
    }

    private static IEnumerable<StringMatchIr> StringMatches(JsonElement? list) =>
        list.Items().Select(h =>
        {
            JsonElement? e = h;
            return new StringMatchIr(e.Get("name").String() ?? string.Empty, e.Get("type").String() ?? "Exact", e.Get("value").String() ?? string.Empty);
        });
}
