using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// The regular expressions of HTTPRoute and GRPCRoute matches (path, header and query parameter values of type
/// RegularExpression; a GRPCRoute method's service and method), checked with <see cref="Re2Syntax"/>. The API server
/// takes any string there, but Envoy compiles them with RE2 and Envoy Gateway leaves a rule with one RE2 refuses out of
/// the configuration, so they are reported as <see cref="ValidationRules.Re2"/> problems.
/// </summary>
internal static class RouteRegexChecks
{
    private const string RegularExpression = "RegularExpression";

    public static void Check(JsonNode? root, ValidationContext context)
    {
        var grpc = context.Kind == "GRPCRoute";
        if ((!grpc && context.Kind != "HTTPRoute") || !context.IsResourceRoot(string.Empty)
            || Object(root, "spec") is not { } spec || spec["rules"] is not JsonArray rules)
        {
            return;
        }

        for (var r = 0; r < rules.Count; r++)
        {
            if (rules[r] is not JsonObject rule || rule["matches"] is not JsonArray matches)
            {
                continue;
            }

            for (var m = 0; m < matches.Count; m++)
            {
                if (matches[m] is not JsonObject match)
                {
                    continue;
                }

                var at = string.Create(CultureInfo.InvariantCulture, $"spec.rules[{r}].matches[{m}]");
                foreach (var (path, pattern) in grpc ? GrpcRegexes(match, at) : HttpRegexes(match, at))
                {
                    if (Re2Syntax.Check(pattern) is { } problem)
                    {
                        context.Report(context.Errors, path, ValidationRules.Re2,
                            problem + " (Envoy compiles route regular expressions with RE2; Envoy Gateway does not translate this rule)", context.Show(path, JsonValue.Create(pattern)));
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Path, string Pattern)> HttpRegexes(JsonObject match, string at)
    {
        if (Object(match, "path") is { } path && Text(path, "type") == RegularExpression && Text(path, "value") is { } value)
        {
            yield return (at + ".path.value", value);
        }

        foreach (var item in Regexes(match, "headers", at))
        {
            yield return item;
        }

        foreach (var item in Regexes(match, "queryParams", at))
        {
            yield return item;
        }
    }

    private static IEnumerable<(string Path, string Pattern)> GrpcRegexes(JsonObject match, string at)
    {
        if (Object(match, "method") is { } method && Text(method, "type") == RegularExpression)
        {
            foreach (var field in (string[])["service", "method"])
            {
                if (Text(method, field) is { } value)
                {
                    yield return ($"{at}.method.{field}", value);
                }
            }
        }

        foreach (var item in Regexes(match, "headers", at))
        {
            yield return item;
        }
    }

    // Header or query parameter matches of type RegularExpression (the CRD default type is Exact).
    private static IEnumerable<(string Path, string Pattern)> Regexes(JsonObject match, string list, string at)
    {
        if (match[list] is not JsonArray items)
        {
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item && Text(item, "type") == RegularExpression && Text(item, "value") is { } value)
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"{at}.{list}[{i}].value"), value);
            }
        }
    }

    private static JsonObject? Object(JsonNode? node, string name) => node is JsonObject o ? o[name] as JsonObject : null;

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
