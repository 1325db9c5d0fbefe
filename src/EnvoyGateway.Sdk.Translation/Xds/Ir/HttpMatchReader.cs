using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Translation.Features.Go;
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

    /// <summary>
    /// The regular expressions of a rule's matches that Envoy Gateway refuses (Go's RE2 parser, as its
    /// <c>regex.Validate</c>): path, header and query parameter values of type RegularExpression, and for GRPCRoute the
    /// method's service and method; each with its match index and Envoy Gateway's message.
    /// </summary>
    public static IEnumerable<(int Match, string Problem)> RegexProblems(JsonElement? rule, bool grpc)
    {
        var matches = rule.Get("matches").Items().ToList();
        for (var m = 0; m < matches.Count; m++)
        {
            JsonElement? match = matches[m];
            var candidates = grpc ? GrpcRegexes(match) : HttpRegexes(match);
            foreach (var (field, pattern) in candidates)
            {
                if (GoRegexp.Validate(pattern) is { } problem)
                {
                    yield return (m, $"{field} {problem}");
                }
            }
        }
    }

    private static IEnumerable<(string Field, string Pattern)> HttpRegexes(JsonElement? match)
    {
        var path = match.Get("path");
        if (path.Get("type").String() == "RegularExpression" && path.Get("value").String() is { } value)
        {
            yield return ("path", value);
        }

        foreach (var header in RegexValues(match.Get("headers")))
        {
            yield return ($"header {header.Name}", header.Value);
        }

        foreach (var query in RegexValues(match.Get("queryParams")))
        {
            yield return ($"query parameter {query.Name}", query.Value);
        }
    }

    private static IEnumerable<(string Field, string Pattern)> GrpcRegexes(JsonElement? match)
    {
        var method = match.Get("method");
        if (method.Get("type").String() == "RegularExpression")
        {
            if (method.Get("service").String() is { } service)
            {
                yield return ("method service", service);
            }

            if (method.Get("method").String() is { } name)
            {
                yield return ("method", name);
            }
        }

        foreach (var header in RegexValues(match.Get("headers")))
        {
            yield return ($"header {header.Name}", header.Value);
        }
    }

    private static IEnumerable<StringMatchIr> RegexValues(JsonElement? list) =>
        StringMatches(list).Where(s => s.Type == "RegularExpression");

    private static IEnumerable<StringMatchIr> StringMatches(JsonElement? list) =>
        list.Items().Select(h =>
        {
            JsonElement? e = h;
            return new StringMatchIr(e.Get("name").String() ?? string.Empty, e.Get("type").String() ?? "Exact", e.Get("value").String() ?? string.Empty);
        });
}
