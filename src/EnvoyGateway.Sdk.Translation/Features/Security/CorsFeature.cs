using System.Collections.Generic;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>An allowed origin: exact text, or a regex made from a wildcard origin.</summary>
internal sealed record OriginMatch(string? Exact, string? SafeRegex);

/// <summary>IR of <c>spec.cors</c> (<c>ir.CORS</c>).</summary>
internal sealed record CorsIr(
    IReadOnlyList<OriginMatch> AllowOrigins,
    IReadOnlyList<string> AllowMethods,
    IReadOnlyList<string> AllowHeaders,
    IReadOnlyList<string> ExposeHeaders,
    string? MaxAge,
    bool AllowCredentials);

/// <summary>
/// <c>buildCORS</c>: never fails in Envoy Gateway (the CRD validates origins and maxAge); here a <c>null</c> item of
/// one of its lists, which only a file the API server would refuse can hold, is an error naming its path.
/// </summary>
internal static class CorsFeature
{
    public static CorsIr? Build(SecurityPolicySpecCors cors, out string? error)
    {
        error = RequiredValues.FirstNullItem(cors.AllowOrigins, "spec.cors.allowOrigins")
            ?? RequiredValues.FirstNullItem(cors.AllowMethods, "spec.cors.allowMethods")
            ?? RequiredValues.FirstNullItem(cors.AllowHeaders, "spec.cors.allowHeaders")
            ?? RequiredValues.FirstNullItem(cors.ExposeHeaders, "spec.cors.exposeHeaders");
        if (error is not null)
        {
            return null;
        }

        var origins = new List<OriginMatch>();
        foreach (var origin in cors.AllowOrigins ?? [])
        {
            origins.Add(origin.Contains('*', System.StringComparison.Ordinal)
                ? new OriginMatch(null, WildcardToRegex(origin))
                : new OriginMatch(origin, null));
        }

        return new CorsIr(
            origins,
            [.. cors.AllowMethods ?? []],
            [.. cors.AllowHeaders ?? []],
            [.. cors.ExposeHeaders ?? []],
            cors.MaxAge?.Value,
            cors.AllowCredentials ?? false);
    }

    /// <summary>Envoy Gateway's <c>wildcard2regex</c>: dots escaped, <c>*</c> becomes <c>.*</c>.</summary>
    public static string WildcardToRegex(string wildcard) => wildcard.Replace(".", "\\.", System.StringComparison.Ordinal).Replace("*", ".*", System.StringComparison.Ordinal);
}

/// <summary>IR of <c>spec.csrf</c>.</summary>
internal sealed record CsrfIr(IReadOnlyList<OriginMatch> AdditionalOrigins, int? ShadowNumerator, int? ShadowDenominator);

/// <summary>
/// <c>buildCSRF</c>: no error path in Envoy Gateway (the CRD validates origins and the shadow fraction); here a
/// <c>null</c> origin is an error naming its path.
/// </summary>
internal static class CsrfFeature
{
    public static CsrfIr? Build(SecurityPolicySpecCsrf csrf, out string? error)
    {
        error = RequiredValues.FirstNullItem(csrf.AdditionalOrigins, "spec.csrf.additionalOrigins");
        if (error is not null)
        {
            return null;
        }

        var origins = new List<OriginMatch>();
        foreach (var origin in csrf.AdditionalOrigins ?? [])
        {
            origins.Add(origin.Contains('*', System.StringComparison.Ordinal)
                ? new OriginMatch(null, CorsFeature.WildcardToRegex(origin))
                : new OriginMatch(origin, null));
        }

        return new CsrfIr(origins, csrf.ShadowFraction?.Numerator, csrf.ShadowFraction is null ? null : csrf.ShadowFraction.Denominator ?? 100);
    }
}
