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
            var views = RuleView.All(spec.Global.Rules, RuleView.From, "spec.rateLimit.global.rules", out error);
            if (views is null)
            {
                return null;
            }

            foreach (var rule in views)
            {
                var ir = BuildRule(rule, out error);
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

    /// <summary>The rate-limit units of the CRD, in order.</summary>
    public static readonly IReadOnlyList<string> Units = ["Second", "Minute", "Hour", "Day", "Week", "Month", "Year"];

    /// <summary>Seconds of a rate-limit unit (Envoy Gateway <c>ratelimitUnitToDuration</c>); 0 for an unknown unit.</summary>
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
        var views = RuleView.All(local.Rules, RuleView.From, "spec.rateLimit.local.rules", out error);
        if (views is null)
        {
            return null;
        }

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

            if (UnitSeconds(ir!.Unit) % UnitSeconds(defaultLimit.Value.Unit) != 0)
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

    /// <summary>
    /// A rate-limit rule, independent of the generated local/global item types. Made only from a rule that has what
    /// the CRD requires (a file the API server would refuse can lack it): no <c>null</c> rule, selector or list item,
    /// a limit with a known unit, header and query parameter names, method values and CIDR values.
    /// </summary>
    private sealed record RuleView(long Requests, string Unit, IReadOnlyList<SelectorView> Selectors, bool? Shared, bool? ShadowMode)
    {
        /// <summary>Every rule of the list at <paramref name="path"/>, or null with the first rule's error.</summary>
        public static List<RuleView>? All<T>(IList<T>? rules, Func<T, string, (RuleView? View, string? Error)> from, string path, out string? error)
            where T : class
        {
            var views = new List<RuleView>();
            for (var i = 0; i < (rules?.Count ?? 0); i++)
            {
                var rulePath = RequiredValues.Item(path, i);
                if (rules![i] is not { } rule)
                {
                    error = RequiredValues.NullItem(rulePath);
                    return null;
                }

                var (view, ruleError) = from(rule, rulePath);
                if (view is null)
                {
                    error = ruleError;
                    return null;
                }

                views.Add(view);
            }

            error = null;
            return views;
        }

        public static (RuleView?, string?) From(BackendTrafficPolicySpecRateLimitLocalRulesItem rule, string path)
        {
            var error = Limit(rule.Limit is null, rule.Limit?.Unit?.Value, path)
                ?? RequiredValues.FirstNullItem(rule.ClientSelectors, path + ".clientSelectors");
            for (var i = 0; error is null && i < (rule.ClientSelectors?.Count ?? 0); i++)
            {
                var s = rule.ClientSelectors![i];
                error = Selector(s.Headers, h => h.Name, s.Methods, m => m.Value, s.QueryParams, q => q.Name, s.SourceCIDR is { Value: null }, RequiredValues.Item(path + ".clientSelectors", i));
            }

            if (error is not null)
            {
                return (null, error);
            }

            return (new RuleView(
                rule.Limit!.Requests,
                rule.Limit.Unit.Value,
                rule.ClientSelectors is null ? [] : [.. rule.ClientSelectors.Select(s => new SelectorView(
                    (s.Headers ?? []).Select(h => new ValueMatch(h.Name, h.Type?.Value, h.Value, h.Invert == true)).ToList(),
                    (s.Methods ?? []).Select(m => (m.Value.Value, m.Invert == true)).ToList(),
                    s.Path is null ? null : new PathView(s.Path.Type?.Value, s.Path.Value ?? "/", s.Path.Invert == true),
                    (s.QueryParams ?? []).Select(q => new ValueMatch(q.Name, q.Type?.Value, q.Value, q.Invert == true)).ToList(),
                    s.SourceCIDR is null ? null : new SourceView(s.SourceCIDR.Value, s.SourceCIDR.Type?.Value, s.SourceCIDR.Invert == true)))],
                rule.Shared,
                rule.ShadowMode), null);
        }

        public static (RuleView?, string?) From(BackendTrafficPolicySpecRateLimitGlobalRulesItem rule, string path)
        {
            var error = Limit(rule.Limit is null, rule.Limit?.Unit?.Value, path)
                ?? RequiredValues.FirstNullItem(rule.ClientSelectors, path + ".clientSelectors");
            for (var i = 0; error is null && i < (rule.ClientSelectors?.Count ?? 0); i++)
            {
                var s = rule.ClientSelectors![i];
                error = Selector(s.Headers, h => h.Name, s.Methods, m => m.Value, s.QueryParams, q => q.Name, s.SourceCIDR is { Value: null }, RequiredValues.Item(path + ".clientSelectors", i));
            }

            if (error is not null)
            {
                return (null, error);
            }

            return (new RuleView(
                rule.Limit!.Requests,
                rule.Limit.Unit.Value,
                rule.ClientSelectors is null ? [] : [.. rule.ClientSelectors.Select(s => new SelectorView(
                    (s.Headers ?? []).Select(h => new ValueMatch(h.Name, h.Type?.Value, h.Value, h.Invert == true)).ToList(),
                    (s.Methods ?? []).Select(m => (m.Value.Value, m.Invert == true)).ToList(),
                    s.Path is null ? null : new PathView(s.Path.Type?.Value, s.Path.Value ?? "/", s.Path.Invert == true),
                    (s.QueryParams ?? []).Select(q => new ValueMatch(q.Name, q.Type?.Value, q.Value, q.Invert == true)).ToList(),
                    s.SourceCIDR is null ? null : new SourceView(s.SourceCIDR.Value, s.SourceCIDR.Type?.Value, s.SourceCIDR.Invert == true)))],
                rule.Shared,
                rule.ShadowMode), null);
        }

        // The limit and its unit are required; an unknown unit would make a zero token-bucket fill interval.
        private static string? Limit(bool missing, string? unit, string path) =>
            missing ? RequiredValues.Missing(path + ".limit")
            : unit is null ? RequiredValues.Missing(path + ".limit.unit")
            : !Units.Contains(unit) ? $"{path}.limit.unit: unknown unit {GoFormat.Quote(unit)}, expected one of {string.Join(", ", Units)}"
            : null;

        // A client selector's lists hold no null item, and each item its required name or value; a sourceCIDR has its value.
        private static string? Selector<THeader, TMethod, TQuery>(
            IList<THeader>? headers,
            Func<THeader, object?> headerName,
            IList<TMethod>? methods,
            Func<TMethod, object?> methodValue,
            IList<TQuery>? queryParams,
            Func<TQuery, object?> queryName,
            bool sourceCidrWithoutValue,
            string path)
            where THeader : class
            where TMethod : class
            where TQuery : class =>
            RequiredValues.FirstNullItemOrField(headers, path + ".headers", "name", headerName)
            ?? RequiredValues.FirstNullItemOrField(methods, path + ".methods", "value", methodValue)
            ?? RequiredValues.FirstNullItemOrField(queryParams, path + ".queryParams", "name", queryName)
            ?? (sourceCidrWithoutValue ? RequiredValues.Missing(path + ".sourceCIDR.value") : null);
    }
}
