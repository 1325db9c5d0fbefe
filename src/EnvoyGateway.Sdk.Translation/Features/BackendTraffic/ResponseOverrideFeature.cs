using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>A status-code match: a value or an inclusive range.</summary>
internal sealed record StatusCodeMatchIr(long? Value, long? RangeStart, long? RangeEnd);

/// <summary>A response-header match.</summary>
internal sealed record ResponseHeaderMatchIr(string Name, string Type, string Value);

/// <summary>One response-override rule: the match, and either a custom response or a redirect.</summary>
internal sealed record ResponseOverrideRuleIr(
    string Name,
    IReadOnlyList<StatusCodeMatchIr> StatusCodes,
    IReadOnlyList<ResponseHeaderMatchIr> ResponseHeaders,
    string? Source,
    string? ContentType,
    string? Body,
    long? StatusCode,
    bool IsRedirect,
    ResponseOverrideRedirectIr? Redirect = null);

/// <summary>Where a response-override redirect sends the client (unset parts keep the request's).</summary>
internal sealed record ResponseOverrideRedirectIr(string? Scheme, string? Hostname, int? Port, string? PathType, string? PathValue);

/// <summary>IR response override (<c>backendtrafficpolicy/&lt;ns&gt;/&lt;name&gt;</c>).</summary>
internal sealed record ResponseOverrideIr(string Name, IReadOnlyList<ResponseOverrideRuleIr> Rules);

/// <summary>
/// <c>spec.responseOverride</c> (Envoy Gateway <c>buildResponseOverride</c> / <c>getCustomResponseBody</c>): ValueRef
/// bodies read key <c>response.body</c> of a ConfigMap in the owning namespace (any key when that one is absent);
/// header regexes must compile under RE2. Stops at the first error.
/// </summary>
internal static class ResponseOverrideFeature
{
    public const string Prefix = "ResponseOverride";

    public const string BodyKey = "response.body";

    public static ResponseOverrideIr? Build(BackendTrafficPolicy policy, IFeatureContext context, string configMapNamespace, out string? error)
    {
        error = null;
        var spec = policy.Spec?.ResponseOverride;
        if (spec is null || spec.Count == 0)
        {
            return null;
        }

        error = NullItems(spec);
        if (error is not null)
        {
            return null;
        }

        var policyNamespace = policy.Metadata?.NamespaceProperty ?? string.Empty;
        var baseName = "backendtrafficpolicy/" + policyNamespace + "/" + policy.Metadata?.Name;
        var rules = new List<ResponseOverrideRuleIr>();
        for (var index = 0; index < spec.Count; index++)
        {
            var ro = spec[index];
            var statusCodes = (ro.Match?.StatusCodes ?? [])
                .Select(c => c.Type?.Value == "Range"
                    ? new StatusCodeMatchIr(null, c.Range?.Start, c.Range?.End)
                    : new StatusCodeMatchIr(c.Value, null, null))
                .ToList();
            var headers = new List<ResponseHeaderMatchIr>();
            foreach (var header in ro.Match?.ResponseHeaders ?? [])
            {
                var type = header.Value?.Type?.Value ?? "Exact";
                var value = header.Value?.Value ?? string.Empty;
                if (type == "RegularExpression" && GoRegexp.Validate(value) is { } regexError)
                {
                    error = regexError;
                    return null;
                }

                headers.Add(new ResponseHeaderMatchIr(header.Name, type, value));
            }

            var name = baseName + "/responseoverride/rule/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ro.Redirect is { } redirect)
            {
                var path = redirect.Path;
                var redirectIr = new ResponseOverrideRedirectIr(redirect.Scheme?.Value, redirect.Hostname, redirect.Port, path?.Type?.Value,
                    path?.Type?.Value == "ReplacePrefixMatch" ? path.ReplacePrefixMatch : path?.ReplaceFullPath);
                rules.Add(new ResponseOverrideRuleIr(name, statusCodes, headers, ro.Source?.Value, null, null, redirect.StatusCode ?? 302, true, redirectIr));
                continue;
            }

            var body = Body(ro.Response?.Body, context, configMapNamespace, out error);
            if (error is not null)
            {
                return null;
            }

            rules.Add(new ResponseOverrideRuleIr(name, statusCodes, headers, ro.Source?.Value, ro.Response?.ContentType, body, ro.Response?.StatusCode, false));
        }

        return new ResponseOverrideIr(baseName, rules);
    }

    private static string? Body(BackendTrafficPolicySpecResponseOverrideItemResponseBody? body, IFeatureContext context, string ns, out string? error)
    {
        error = null;
        if (body is null)
        {
            return null;
        }

        if (body.Type?.Value == "ValueRef")
        {
            var name = body.ValueRef?.Name ?? string.Empty;
            var configMap = context.FindConfigMap(ns, name);
            if (configMap is null)
            {
                error = "can't find the referenced configmap " + ns + "/" + name;
                return null;
            }

            if (configMap.Data is { } data)
            {
                if (data.TryGetValue(BodyKey, out var value))
                {
                    return value;
                }

                if (data.Count > 0)
                {
                    return data.First().Value;
                }
            }

            error = "can't find the key " + BodyKey + " in the referenced configmap " + ns + "/" + name;
            return null;
        }

        return body.Inline;
    }

    // Null override items and null match/header items: only a file the API server would refuse can hold them.
    private static string? NullItems(IList<BackendTrafficPolicySpecResponseOverrideItem> spec)
    {
        if (RequiredValues.FirstNullItem(spec, "spec.responseOverride") is { } error)
        {
            return error;
        }

        for (var i = 0; i < spec.Count; i++)
        {
            var path = RequiredValues.Item("spec.responseOverride", i);
            error = RequiredValues.FirstNullItem(spec[i].Match?.StatusCodes, path + ".match.statusCodes")
                ?? RequiredValues.FirstNullItemOrField(spec[i].Match?.ResponseHeaders, path + ".match.responseHeaders", "name", h => h.Name)
                ?? RequiredValues.FirstNullItemOrField(spec[i].Response?.Header?.Add, path + ".response.header.add", "name", h => h.Name)
                ?? RequiredValues.FirstNullItemOrField(spec[i].Response?.Header?.Set, path + ".response.header.set", "name", h => h.Name);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
