using System;
using System.Collections.Generic;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>
/// SecurityPolicy validation and feature building in Envoy Gateway's order (policy-attachment.md §8.1, §8.3):
/// CORS, CSRF (no error paths in Envoy Gateway; here only for <c>null</c> list items), then <c>BasicAuth</c>,
/// <c>APIKeyAuth</c>, <c>Authorization</c>, <c>ExtAuth</c>, <c>OIDC</c>, <c>JWT</c>; every failing feature adds one
/// <c>&lt;Prefix&gt;: &lt;detail&gt;</c> error.
/// </summary>
internal static class SecurityPolicyFeatures
{
    public const string CorsPrefix = "CORS";
    public const string CsrfPrefix = "CSRF";
    public const string BasicAuthPrefix = "BasicAuth";
    public const string ApiKeyAuthPrefix = "APIKeyAuth";
    public const string AuthorizationPrefix = "Authorization";
    public const string ExtAuthPrefix = "ExtAuth";
    public const string OidcPrefix = "OIDC";
    public const string JwtPrefix = "JWT";

    /// <summary>
    /// Pre-translation validation of a route/rule target: the full condition message
    /// (<c>Invalid SecurityPolicy: &lt;err&gt;.</c> or <c>Invalid SecurityPolicy for TCP route: &lt;err&gt;.</c>), or null.
    /// </summary>
    /// <param name="policy">The policy (or the merged policy).</param>
    /// <param name="routeKind"><c>HTTPRoute</c>, <c>GRPCRoute</c> or <c>TCPRoute</c>.</param>
    public static string? ValidateForRoute(SecurityPolicy policy, string routeKind)
    {
        var error = ValidateForRouteBare(policy, routeKind);
        if (error is null)
        {
            return null;
        }

        return (IsTcpRoute(routeKind) ? "Invalid SecurityPolicy for TCP route: " : "Invalid SecurityPolicy: ") + error + ".";
    }

    /// <summary>The raw error of <see cref="ValidateForRoute"/> (used as is, normalized by the engine, for merged policies).</summary>
    public static string? ValidateForRouteBare(SecurityPolicy policy, string routeKind)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var spec = policy.Spec ?? new SecurityPolicySpec();
        return IsTcpRoute(routeKind) ? ValidateForTcp(spec) : ValidateForHttp(spec);
    }

    private static bool IsTcpRoute(string routeKind) => string.Equals(routeKind, "TCPRoute", StringComparison.Ordinal);

    /// <summary><c>validateSecurityPolicyForTCP</c>.</summary>
    internal static string? ValidateForTcp(SecurityPolicySpec spec)
    {
        if (spec.Cors is not null || spec.Csrf is not null || spec.Jwt is not null || spec.Oidc is not null
            || spec.ApiKeyAuth is not null || spec.BasicAuth is not null || spec.ExtAuth is not null)
        {
            return "only authorization is supported for TCP (routes/listeners)";
        }

        return AuthorizationFeature.ValidateForTcp(spec.Authorization);
    }

    /// <summary><c>validateSecurityPolicy</c> for HTTPRoute/GRPCRoute targets.</summary>
    internal static string? ValidateForHttp(SecurityPolicySpec spec)
    {
        if (spec.ApiKeyAuth is { } apiKeyAuth && ApiKeyAuthFeature.ValidateForRoute(apiKeyAuth) is { } apiKeyError)
        {
            return apiKeyError;
        }

        if (spec.Oidc is { PassThroughAuthHeader: true } oidc)
        {
            if (spec.Jwt is null)
            {
                return "the OIDC.PassThroughAuthHeader setting must be used in conjunction with JWT settings";
            }

            var headers = JwtHeaders(spec.Jwt);
            if (headers.Count == 0)
            {
                return "the OIDC.PassThroughAuthHeader setting requires at least one JWT provider that extracts the token from a header";
            }

            if (oidc.ForwardIDToken?.Header is { Length: > 0 } forwardHeader)
            {
                foreach (var header in headers)
                {
                    if (string.Equals(header, forwardHeader, StringComparison.OrdinalIgnoreCase))
                    {
                        return $"the OIDC.ForwardIDToken header {GoFormat.Quote(forwardHeader)} cannot be the same as a header a JWT provider extracts the token from when OIDC.PassThroughAuthHeader is enabled";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Headers the JWT providers read the token from (<c>Authorization</c> when a provider has no extractFrom).
    /// <c>null</c> providers and headers are left to <see cref="JwtFeature.Build"/>, which reports them.
    /// </summary>
    private static List<string> JwtHeaders(SecurityPolicySpecJwt jwt)
    {
        var headers = new List<string>();
        foreach (var provider in jwt.Providers ?? [])
        {
            if (provider is null)
            {
                continue;
            }

            if (provider.ExtractFrom is null)
            {
                headers.Add("Authorization");
                continue;
            }

            foreach (var header in provider.ExtractFrom.Headers ?? [])
            {
                if (header?.Name is { } name)
                {
                    headers.Add(name);
                }
            }
        }

        return headers;
    }

    /// <summary>Builds the features; see <see cref="Build(SecurityPolicy, SecurityTarget, IFeatureContext, out SecurityBuildResult, SecurityFieldOwners?)"/>.</summary>
    public static FeatureErrors Build(SecurityPolicy policy, SecurityTarget target, IFeatureContext context) => Build(policy, target, context, out _);

    /// <summary>
    /// Builds every feature of <paramref name="policy"/> for <paramref name="target"/> in Envoy Gateway's order and
    /// returns the errors (raw, for the engine to join and normalize). <paramref name="result"/> holds what did build
    /// (partial application) and whether a direct 500 response is due.
    /// </summary>
    public static FeatureErrors Build(SecurityPolicy policy, SecurityTarget target, IFeatureContext context, out SecurityBuildResult result, SecurityFieldOwners? owners = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        owners ??= new SecurityFieldOwners();
        var spec = policy.Spec ?? new SecurityPolicySpec();
        var policyNamespace = policy.Metadata?.NamespaceProperty ?? "default";
        var policyName = policy.Metadata?.Name ?? string.Empty;
        var errors = new FeatureErrors();
        var nonExtAuthErrors = false;
        var extAuthError = false;

        CorsIr? cors = null;
        CsrfIr? csrf = null;
        BasicAuthIr? basicAuth = null;
        ApiKeyAuthIr? apiKeyAuth = null;
        AuthorizationIr? authorization = null;
        ExtAuthIr? extAuth = null;
        OidcIr? oidc = null;
        JwtIr? jwt = null;
        string? error;

        if (!target.IsTcp)
        {
            if (spec.Cors is { } corsSpec)
            {
                cors = CorsFeature.Build(corsSpec, out error);
                if (error is not null)
                {
                    errors.Add(CorsPrefix, error);
                    nonExtAuthErrors = true;
                }
            }

            if (spec.Csrf is { } csrfSpec)
            {
                csrf = CsrfFeature.Build(csrfSpec, out error);
                if (error is not null)
                {
                    errors.Add(CsrfPrefix, error);
                    nonExtAuthErrors = true;
                }
            }

            if (spec.BasicAuth is { } basicAuthSpec)
            {
                basicAuth = BasicAuthFeature.Build(basicAuthSpec, SecurityFieldOwners.Or(owners.BasicAuth, policyNamespace), context, out error);
                if (error is not null)
                {
                    errors.Add(BasicAuthPrefix, error);
                    nonExtAuthErrors = true;
                }
            }

            if (spec.ApiKeyAuth is { } apiKeyAuthSpec)
            {
                apiKeyAuth = ApiKeyAuthFeature.Build(apiKeyAuthSpec, SecurityFieldOwners.Or(owners.ApiKeyAuth, policyNamespace), context, out error);
                if (error is not null)
                {
                    errors.Add(ApiKeyAuthPrefix, error);
                    nonExtAuthErrors = true;
                }
            }
        }

        if (spec.Authorization is { } authorizationSpec)
        {
            // A null rule or field always carries the prefix: the unprefixed Gateway-target errors are Envoy Gateway's builder's.
            if (AuthorizationFeature.NullValue(authorizationSpec) is { } nullError)
            {
                errors.Add(AuthorizationPrefix, nullError);
                nonExtAuthErrors = true;
            }
            else
            {
                var owner = SecurityFieldOwners.Or(owners.Authorization, policyNamespace);
                authorization = AuthorizationFeature.Build(authorizationSpec, owner, policyName, out error);
                if (error is not null)
                {
                    if (target.IsGatewayTarget)
                    {
                        errors.AddRaw(error);
                    }
                    else
                    {
                        errors.Add(AuthorizationPrefix, error);
                    }

                    nonExtAuthErrors = true;
                }
            }
        }

        if (!target.IsTcp)
        {
            if (spec.ExtAuth is { } extAuthSpec)
            {
                var owner = SecurityFieldOwners.Or(owners.ExtAuth, policyNamespace);
                extAuth = ExtAuthFeature.Build(extAuthSpec, owner, SecurityFieldOwners.Or(owners.ExtAuthBackendRefs, owner), owners, context, out error);
                if (error is not null)
                {
                    errors.Add(ExtAuthPrefix, error);
                    extAuthError = true;
                }
            }

            if (spec.Oidc is { } oidcSpec)
            {
                var owner = SecurityFieldOwners.Or(owners.Oidc, policyNamespace);
                var oidcOwners = new OidcOwners(
                    owner,
                    SecurityFieldOwners.Or(owners.OidcProviderBackendRefs, owner),
                    SecurityFieldOwners.Or(owners.OidcClientIdRef, owner),
                    SecurityFieldOwners.Or(owners.OidcClientSecret, owner));
                oidc = OidcFeature.Build(oidcSpec, policy.Metadata?.Uid ?? string.Empty, oidcOwners, context, out error);
                if (error is not null)
                {
                    errors.Add(OidcPrefix, error);
                    nonExtAuthErrors = true;
                }
            }

            if (spec.Jwt is { } jwtSpec)
            {
                jwt = JwtFeature.Build(jwtSpec, SecurityFieldOwners.Or(owners.Jwt, policyNamespace), context, out error);
                if (error is not null)
                {
                    errors.Add(JwtPrefix, error);
                    nonExtAuthErrors = true;
                }
            }
        }

        string? geoIpError = null;
        if (!target.IsTcp && AuthorizationFeature.ValidateGeoIp(spec.Authorization, target.ListenerHasClientIpDetection) is { } geo)
        {
            geoIpError = AuthorizationPrefix + ": " + geo;
            errors.AddRaw(geoIpError);
        }

        result = new SecurityBuildResult
        {
            Cors = cors,
            Csrf = csrf,
            BasicAuth = basicAuth,
            ApiKeyAuth = apiKeyAuth,
            Authorization = authorization,
            ExtAuth = extAuth,
            Oidc = oidc,
            Jwt = jwt,
            HasNonExtAuthErrors = nonExtAuthErrors,
            HasExtAuthError = extAuthError,
            OnlyFailOpenExtAuthErrors = extAuthError && !nonExtAuthErrors && geoIpError is null && spec.ExtAuth?.FailOpen == true,
            GeoIpError = geoIpError,
        };
        return errors;
    }
}
