using System;
using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>A header or query parameter selector of a rate-limit rule (IR <c>StringMatch</c>).</summary>
internal sealed record RateLimitStringMatch(string Name, string? Exact, string? SafeRegex, bool Distinct, bool Invert);

/// <summary>A client CIDR selector of a rate-limit rule (IR <c>CIDRMatch</c>).</summary>
internal sealed record RateLimitCidrMatch(string Cidr, bool Distinct, bool Invert);

/// <summary>Path selector of a rate-limit rule.</summary>
internal sealed record RateLimitPathMatch(string Type, string Value, bool Invert);

/// <summary>One IR rate-limit rule.</summary>
internal sealed record RateLimitRuleIr(
    long Requests,
    string Unit,
    IReadOnlyList<RateLimitStringMatch> HeaderMatches,
    IReadOnlyList<RateLimitStringMatch> QueryParamMatches,
    IReadOnlyList<(string Method, bool Invert)> MethodMatches,
    RateLimitPathMatch? PathMatch,
    RateLimitCidrMatch? CidrMatch,
    bool? Shared,
    bool? ShadowMode);

/// <summary>IR local rate limit: the default bucket plus the selector rules.</summary>
internal sealed record LocalRateLimitIr(long DefaultRequests, string DefaultUnit, IReadOnlyList<RateLimitRuleIr> Rules);

/// <summary>IR global rate limit rules.</summary>
internal sealed record GlobalRateLimitIr(IReadOnlyList<RateLimitRuleIr> Rules);

/// <summary>IR rate limit of a policy.</summary>
internal sealed record RateLimitIr(LocalRateLimitIr? Local, GlobalRateLimitIr? Global);

/// <summary>
/// <c>spec.rateLimit</c> (Envoy Gateway <c>buildRateLimit</c>, <c>buildLocalRateLimit</c>, <c>buildGlobalRateLimit</c>,
/// <c>buildRateLimitRule</c>). Stops at the first error.
/// </summary>
internal static class RateLimitFeature
{
    public const string Prefix = "RateLimit";

    private const string AtLeastOneSelector = "unable to translate rateLimit. At least one of the header or sourceCIDR must be specified";

    public static RateLimitIr? Build(BackendTrafficPolicySpecRateLimit? spec, BackendTrafficOptions options, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        var type = spec.Type?.Value;
        if (type == "Local" && spec.Local is null)
        {
            error = "local configuration empty for rateLimit";
            return null;
        }

        if (type == "Global" && spec.Global is null)
        {
            error = "global configuration empty for rateLimit";
            return null;
        }

        LocalRateLimitIr? local = null;
        GlobalRateLimitIr? global = null;
        if (spec.Local is not null && type != "Global")
        {
            local = BuildLocal(spec.Local, out error);
            if (error is not null)
            {
                return null;
            }
        }

        if (spec.Global is not null && type != "Local")
        {
            if (!options.GlobalRateLimitEnabled)
            {
                error = "enable Ratelimit in the EnvoyGateway config to configure global rateLimit";
                return null;
            }

            var rules = new List<RateLimitRuleIr>();
            foreach (var rule in spec.Global.Rules ?? [])
            {
                var ir = BuildRule(RuleView.From(rule), out error);
                if (error is not null)
                {
                    return null;
                }

                rules.Add(ir!);
            }

            global = new GlobalRateLimitIr(rules);
        }

        return new RateLimitIr(local, global);
    }

    /// <summary>Seconds of a rate-limit unit (Envoy Gateway <c>ratelimitUnitToDuration</c>).</summary>
    public static long UnitSeconds(string unit) => unit switch
    {
        "Second" => 1,
        "Minute" => 60,
        "Hour" => 3600,
        "Day" => 86400,
        "Week" => 604800,
        "Month" => 2592000,
        "Year" => 31536000,
        _ => 0,
    };

    private static LocalRateLimitIr? BuildLocal(BackendTrafficPolicySpecRateLimitLocal local, out string? error)
    {
        error = null;
        var views = (local.Rules ?? []).Select(RuleView.From).ToList();
        (long Requests, string Unit)? defaultLimit = null;
        foreach (var rule in views)
        {
            if (rule.Selectors.Count == 0)
            {
                if (defaultLimit is not null)
                {
                    error = "local rateLimit can not have more than one rule without clientSelectors";
                    return null;
                }

                defaultLimit = (rule.Requests, rule.Unit);
            }
        }

        defaultLimit ??= (uint.MaxValue, "Second");
        var rules = new List<RateLimitRuleIr>();
        foreach (var rule in views)
        {
            if (rule.Selectors.Count == 0)
            {
                continue;
            }

            var ir = BuildRule(rule, out error);
            if (error is not null)
            {
                return null;
            }

            var ruleSeconds = UnitSeconds(ir!.Unit);
            var defaultSeconds = UnitSeconds(defaultLimit.Value.Unit);
            if (defaultSeconds != 0 && ruleSeconds % defaultSeconds != 0)
            {
                error = "local rateLimit rule limit unit must be a multiple of the default limit unit";
                return null;
            }

            rules.Add(ir);
        }

        return new LocalRateLimitIr(defaultLimit.Value.Requests, defaultLimit.Value.Unit, rules);
    }

    private static RateLimitRuleIr? BuildRule(RuleView rule, out string? error)
    {
        error = null;
        var headers = new List<RateLimitStringMatch>();
        var queryParams = new List<RateLimitStringMatch>();
        var methods = new List<(string, bool)>();
        RateLimitPathMatch? path = null;
        RateLimitCidrMatch? cidr = null;
        foreach (var selector in rule.Selectors)
        {
            if (selector.Headers.Count == 0 && selector.SourceCidr is null && selector.Methods.Count == 0
                && selector.Path is null && selector.QueryParams.Count == 0)
            {
                error = AtLeastOneSelector;
                return null;
            }

            foreach (var header in selector.Headers)
            {
                var match = BuildStringMatch(header, "header", "header", out error);
                if (error is not null)
                {
                    return null;
                }

                headers.Add(match!);
            }

            if (selector.SourceCidr is { } source)
            {
                var cidrError = GoNet.ValidateCidr(source.Value);
                if (cidrError is not null)
                {
                    error = "unable to translate rateLimit: " + cidrError;
                    return null;
                }

                cidr = new RateLimitCidrMatch(source.Value, source.Type == "Distinct", source.Invert);
            }

            foreach (var method in selector.Methods)
            {
                methods.Add(method);
            }

            if (selector.Path is { } p)
            {
                var pathType = p.Type ?? "PathPrefix";
                if (pathType == "RegularExpression" && GoRegexp.Validate(p.Value) is { } regexError)
                {
                    error = regexError;
                    return null;
                }

                path = new RateLimitPathMatch(pathType, p.Value, p.Invert);
            }

            foreach (var query in selector.QueryParams)
            {
                var match = BuildStringMatch(query, "query parameter", "queryParam", out error);
                if (error is not null)
                {
                    return null;
                }

                queryParams.Add(match!);
            }
        }

        return new RateLimitRuleIr(rule.Requests, rule.Unit, headers, queryParams, methods, path, cidr, rule.Shared, rule.ShadowMode);
    }

    private static RateLimitStringMatch? BuildStringMatch(ValueMatch match, string what, string field, out string? error)
    {
        error = null;
        switch (match.Type)
        {
            case null when match.Value is not null:
            case "Exact" when match.Value is not null:
                return new RateLimitStringMatch(match.Name, match.Value, null, false, match.Invert);
            case "RegularExpression" when match.Value is not null:
                error = GoRegexp.Validate(match.Value);
                return error is null ? new RateLimitStringMatch(match.Name, null, match.Value, false, match.Invert) : null;
            case "Distinct" when match.Value is null:
                if (match.Invert)
                {
                    error = "unable to translate rateLimit.Invert is not applicable for distinct " + what + " match type";
                    return null;
                }

                return new RateLimitStringMatch(match.Name, null, null, true, false);
            default:
                error = "unable to translate rateLimit. Either the " + field + ".Type is not valid or the " + field + " is missing a value";
                return null;
        }
    }

    /// <summary>A header or query-parameter selector, independent of the generated local/global item types.</summary>
    private sealed record ValueMatch(string Name, string? Type, string? Value, bool Invert);

    private sealed record SourceView(string Value, string? Type, bool Invert);

    private sealed record PathView(string? Type, string Value, bool Invert);

    private sealed record SelectorView(
        IReadOnlyList<ValueMatch> Headers,
        IReadOnlyList<(string Method, bool Invert)> Methods,
        PathView? Path,
        IReadOnlyList<ValueMatch> QueryParams,
        SourceView? SourceCidr);

    /// <summary>A rate-limit rule, independent of the generated local/global item types.</summary>
    private sealed record RuleView(long Requests, string Unit, IReadOnlyList<SelectorView> Selectors, bool? Shared, bool? ShadowMode)
    {
        public static RuleView From(BackendTrafficPolicySpecRateLimitLocalRulesItem rule) => new(
            rule.Limit?.Requests ?? 0,
            rule.Limit?.Unit?.Value ?? string.Empty,
            (rule.ClientSelectors ?? []).Select(s => new SelectorView(
                (s.Headers ?? []).Select(h => new ValueMatch(h.Name, h.Type?.Value, h.Value, h.Invert == true)).ToList(),
                (s.Methods ?? []).Select(m => (m.Value?.Value ?? string.Empty, m.Invert == true)).ToList(),
                s.Path is null ? null : new PathView(s.Path.Type?.Value, s.Path.Value ?? "/", s.Path.Invert == true),
                (s.QueryParams ?? []).Select(q => new ValueMatch(q.Name, q.Type?.Value, q.Value, q.Invert == true)).ToList(),
                s.SourceCIDR is null ? null : new SourceView(s.SourceCIDR.Value ?? string.Empty, s.SourceCIDR.Type?.Value, s.SourceCIDR.Invert == true))).ToList(),
            rule.Shared,
            rule.ShadowMode);

        public static RuleView From(BackendTrafficPolicySpecRateLimitGlobalRulesItem rule) => new(
            rule.Limit?.Requests ?? 0,
            rule.Limit?.Unit?.Value ?? string.Empty,
            (rule.ClientSelectors ?? []).Select(s => new SelectorView(
                (s.Headers ?? []).Select(h => new ValueMatch(h.Name, h.Type?.Value, h.Value, h.Invert == true)).ToList(),
                (s.Methods ?? []).Select(m => (m.Value?.Value ?? string.Empty, m.Invert == true)).ToList(),
                s.Path is null ? null : new PathView(s.Path.Type?.Value, s.Path.Value ?? "/", s.Path.Invert == true),
                (s.QueryParams ?? []).Select(q => new ValueMatch(q.Name, q.Type?.Value, q.Value, q.Invert == true)).ToList(),
                s.SourceCIDR is null ? null : new SourceView(s.SourceCIDR.Value ?? string.Empty, s.SourceCIDR.Type?.Value, s.SourceCIDR.Invert == true))).ToList(),
            rule.Shared,
            rule.ShadowMode);
    }
}
