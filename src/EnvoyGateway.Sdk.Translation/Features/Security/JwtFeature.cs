using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>Remote JWKS of a provider: URI, optional backend destinations (cluster <c>securitypolicy/&lt;ns&gt;/&lt;name&gt;/jwt/&lt;i&gt;</c>).</summary>
internal sealed record RemoteJwksIr(string Uri, bool IsHttps, IReadOnlyList<ExtServiceDestination>? Destinations, TimeSpan? CacheDuration, TimeSpan? FailedRefetchDuration)
{
    /// <summary>The JWKS service's <c>backendSettings</c>, when set.</summary>
    public ExtServiceTrafficIr? Traffic { get; init; }
}

/// <summary>One JWT provider of the IR.</summary>
internal sealed record JwtProviderIr(
    string Name,
    string? Issuer,
    IReadOnlyList<string> Audiences,
    RemoteJwksIr? RemoteJwks,
    string? LocalJwks,
    IReadOnlyList<SecurityPolicySpecJwtProvidersItemClaimToHeadersItem> ClaimToHeaders,
    SecurityPolicySpecJwtProvidersItemExtractFrom? ExtractFrom,
    bool RecomputeRoute);

/// <summary>IR of <c>spec.jwt</c>.</summary>
internal sealed record JwtIr(bool Optional, bool FailOpen, IReadOnlyList<JwtProviderIr> Providers);

/// <summary><c>buildJWT</c>: <c>validateJWTProvider</c> (all problems joined) then remote/local JWKS per provider (first error).</summary>
internal static class JwtFeature
{
    public static JwtIr? Build(SecurityPolicySpecJwt jwt, string ownerNamespace, IFeatureContext context, out string? error)
    {
        var providers = jwt.Providers ?? [];
        if (NullValue(providers) is { } nullError)
        {
            error = nullError;
            return null;
        }

        if (ValidateProviders(providers) is { } validation)
        {
            error = validation;
            return null;
        }

        var result = new List<JwtProviderIr>();
        for (var i = 0; i < providers.Count; i++)
        {
            var provider = providers[i];
            RemoteJwksIr? remote = null;
            string? local = null;
            if (provider.RemoteJWKS is { } remoteJwks)
            {
                remote = BuildRemoteJwks(remoteJwks, RequiredValues.Item("jwt.providers", i) + ".remoteJWKS", ownerNamespace, context, out error);
                if (remote is null)
                {
                    return null;
                }
            }
            else if (provider.LocalJWKS is { } localJwks)
            {
                local = BuildLocalJwks(localJwks, ownerNamespace, context, out error);
                if (local is null)
                {
                    return null;
                }
            }

            result.Add(new JwtProviderIr(
                provider.Name,
                provider.Issuer,
                [.. provider.Audiences ?? []],
                remote,
                local,
                [.. provider.ClaimToHeaders ?? []],
                provider.ExtractFrom,
                provider.RecomputeRoute ?? false));
        }

        error = null;
        return new JwtIr(jwt.Optional ?? false, jwt.FailOpen ?? false, result);
    }

    /// <summary>The first <c>null</c> list item or missing required field, which only a file the API server would refuse can hold.</summary>
    private static string? NullValue(IList<SecurityPolicySpecJwtProvidersItem> providers)
    {
        const string Providers = "spec.jwt.providers";
        var error = RequiredValues.FirstNullItem(providers, Providers);
        for (var i = 0; error is null && i < providers.Count; i++)
        {
            var provider = providers[i];
            var path = RequiredValues.Item(Providers, i);
            error = RequiredValues.FirstNullItem(provider.Audiences, path + ".audiences")
                ?? RequiredValues.FirstNullItem(provider.ClaimToHeaders, path + ".claimToHeaders")
                ?? RequiredValues.FirstNullItemOrField(provider.ExtractFrom?.Headers, path + ".extractFrom.headers", "name", h => h.Name)
                ?? RequiredValues.FirstNullItem(provider.ExtractFrom?.Cookies, path + ".extractFrom.cookies")
                ?? RequiredValues.FirstNullItem(provider.ExtractFrom?.Params, path + ".extractFrom.params")
                ?? RequiredValues.FirstNullItemOrField(provider.RemoteJWKS?.BackendRefs, path + ".remoteJWKS.backendRefs", "name", r => r.Name)
                ?? (provider.RemoteJWKS is null ? LocalJwksValueRef(provider.LocalJWKS, path + ".localJWKS.valueRef") : null);
        }

        return error;
    }

    private static string? LocalJwksValueRef(SecurityPolicySpecJwtProvidersItemLocalJWKS? local, string path) => local switch
    {
        { Type.Value: "ValueRef", ValueRef: null } => RequiredValues.Missing(path),
        { Type.Value: "ValueRef", ValueRef.Name: null } => RequiredValues.Missing(path + ".name"),
        _ => null,
    };

    /// <summary><c>validateJWTProvider</c>: every problem of every provider, newline-joined (Go <c>errors.Join</c>).</summary>
    public static string? ValidateProviders(IList<SecurityPolicySpecJwtProvidersItem> providers)
    {
        var errors = new List<string>();
        if (providers.Count == 0)
        {
            return "at least one JWT provider must be specified";
        }

        foreach (var provider in providers)
        {
            if (string.IsNullOrEmpty(provider.Name))
            {
                errors.Add("jwt provider cannot be an empty string");
            }
            else if (!string.IsNullOrEmpty(provider.Issuer))
            {
                // Issuer follows StringOrURI (RFC 7519 §4.1.1): when it contains ':' it MUST be a URI.
                if (provider.Issuer.Contains(':', StringComparison.Ordinal) && GoUrl.ParseRequestUri(provider.Issuer, out _) is null)
                {
                    errors.Add("invalid issuer; when issuer contains ':' character, it MUST be a URI");
                }
            }
            else if (provider.RemoteJWKS is { } r && string.IsNullOrEmpty(r.Uri))
            {
                errors.Add("uri must be set for remote JWKS provider: " + provider.Name);
            }

            if (provider.RemoteJWKS is { } remote && GoUrl.ParseRequestUri(remote.Uri ?? string.Empty, out var uriError) is null)
            {
                errors.Add("invalid remote JWKS URI: " + uriError);
            }

            foreach (var claimToHeader in provider.ClaimToHeaders ?? [])
            {
                if (string.IsNullOrEmpty(claimToHeader.Header))
                {
                    errors.Add("header must be set for claimToHeader provider: " + claimToHeader.Header);
                }
                else if (string.IsNullOrEmpty(claimToHeader.Claim))
                {
                    errors.Add("claim must be set for claimToHeader provider: " + claimToHeader.Claim);
                }
            }
        }

        return errors.Count == 0 ? null : string.Join('\n', errors);
    }

    private static RemoteJwksIr? BuildRemoteJwks(SecurityPolicySpecJwtProvidersItemRemoteJWKS remote, string field, string ownerNamespace, IFeatureContext context, out string? error)
    {
        var url = GoUrl.Parse(remote.Uri ?? string.Empty, out error);
        if (url is null)
        {
            return null;
        }

        IReadOnlyList<ExtServiceDestination>? destinations = null;
        if (remote.BackendRefs is { Count: > 0 } refs)
        {
            destinations = SecurityReferences.ValidateExtServiceBackendRefs(
                [.. refs.Select(r => new ExtServiceBackendRef(r.Group, r.Kind, r.Name, r.Namespace, r.Port, r.Weight, r.Fallback))],
                ownerNamespace,
                context,
                out error);
            if (destinations is null)
            {
                return null;
            }
        }

        var traffic = ExtServiceTraffic.Build(remote.BackendSettings, field + ".backendSettings", context, out error);
        if (error is not null)
        {
            return null;
        }

        TimeSpan? cache = remote.CacheDuration is { } c && c.TryGetTimeSpan(out var cs) ? cs : null;
        TimeSpan? refetch = remote.FailedRefetchDuration is { } f && f.TryGetTimeSpan(out var fs) ? fs : null;
        return new RemoteJwksIr(remote.Uri!, url.Scheme == "https", destinations, cache, refetch) { Traffic = traffic };
    }

    /// <summary><c>buildLocalJWKS</c>: inline text, or the ConfigMap key <c>jwks</c> (else its first value) in the policy namespace.</summary>
    private static string? BuildLocalJwks(SecurityPolicySpecJwtProvidersItemLocalJWKS local, string ownerNamespace, IFeatureContext context, out string? error)
    {
        error = null;
        if (local.Type?.Value == "ValueRef")
        {
            var name = local.ValueRef?.Name ?? string.Empty;
            var configMap = context.FindConfigMap(ownerNamespace, name);
            if (configMap is null)
            {
                error = $"local JWKS ConfigMap {ownerNamespace}/{name} not found";
                return null;
            }

            if (configMap.Data is { } data)
            {
                if (data.TryGetValue("jwks", out var jwks) && jwks is not null)
                {
                    return jwks;
                }

                // Go map order is random; Envoy Gateway takes "the first" value. Sorted keys keep this deterministic.
                foreach (var key in data.Keys.OrderBy(k => k, StringComparer.Ordinal))
                {
                    return data[key] ?? string.Empty;
                }
            }

            error = $"JWKS data not found in ConfigMap {ownerNamespace}/{name}";
            return null;
        }

        return local.Inline ?? string.Empty;
    }

    internal static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
