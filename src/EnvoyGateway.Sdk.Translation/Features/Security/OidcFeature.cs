using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>The OIDC provider of the IR (endpoints are null when Envoy Gateway would discover them from the issuer).</summary>
internal sealed record OidcProviderIr(string Issuer, string? TokenEndpoint, string? AuthorizationEndpoint, string? EndSessionEndpoint, bool IsHttps, IReadOnlyList<ExtServiceDestination>? Destinations)
{
    /// <summary>The provider's <c>backendSettings</c>, when set.</summary>
    public ExtServiceTrafficIr? Traffic { get; init; }
}

/// <summary>IR of <c>spec.oidc</c> (<c>ir.OIDC</c>); secrets are kept as bytes and never rendered.</summary>
internal sealed record OidcIr(
    OidcProviderIr Provider,
    string ClientId,
    byte[] ClientSecret,
    byte[] HmacSecret,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Resources,
    string RedirectUrl,
    string RedirectPath,
    string LogoutPath,
    bool ForwardAccessToken,
    bool RefreshToken,
    bool PassThroughAuthHeader,
    bool DisableTokenEncryption,
    string? CookieDomain,
    string? AccessTokenCookieName,
    string? IdTokenCookieName,
    string? CookieSameSite,
    string CookieSuffix,
    TimeSpan? DefaultTokenTtl,
    TimeSpan? DefaultRefreshTokenTtl,
    TimeSpan? CsrfTokenTtl,
    string? ForwardIdTokenHeader);

/// <summary>Owner namespaces of the OIDC pieces (merged policies resolve each from its owner).</summary>
internal sealed record OidcOwners(string Oidc, string ProviderBackendRefs, string ClientIdRef, string ClientSecret);

/// <summary><c>buildOIDC</c> / <c>buildOIDCProvider</c>.</summary>
internal static class OidcFeature
{
    public const string ClientIdKey = "client-id";
    public const string ClientSecretKey = "client-secret";
    public const string HmacSecretName = "envoy-oidc-hmac";
    public const string HmacSecretKey = "hmac-secret";
    public const string DefaultRedirectUrl = "%REQ(x-forwarded-proto)%://%REQ(:authority)%/oauth2/callback";
    public const string DefaultRedirectPath = "/oauth2/callback";
    public const string DefaultLogoutPath = "/logout";

    public static OidcIr? Build(SecurityPolicySpecOidc oidc, string policyUid, OidcOwners owners, IFeatureContext context, out string? error)
    {
        error = NullValue(oidc);
        if (error is not null)
        {
            return null;
        }

        var provider = BuildProvider(oidc.Provider!, owners.ProviderBackendRefs, context, out error);
        if (provider is null)
        {
            return null;
        }

        string clientId;
        if (oidc.ClientID is { } id)
        {
            clientId = id;
        }
        else if (oidc.ClientIDRef is { } idRef)
        {
            var idSecret = SecurityReferences.ValidateSecretRef(true, owners.ClientIdRef, new SecretRef(idRef.Group, idRef.Kind, idRef.Name, idRef.Namespace), context, out error);
            if (idSecret is null)
            {
                return null;
            }

            var idBytes = SecurityReferences.SecretValue(idSecret, ClientIdKey);
            if (idBytes is null || idBytes.Length == 0)
            {
                error = $"client ID not found in secret {idSecret.Metadata?.NamespaceProperty ?? idRef.Namespace ?? owners.ClientIdRef}/{idRef.Name}";
                return null;
            }

            clientId = Encoding.UTF8.GetString(idBytes);
        }
        else
        {
            error = "client ID must be specified";
            return null;
        }

        var secretRef = oidc.ClientSecret;
        var clientSecret = SecurityReferences.ValidateSecretRef(true, owners.ClientSecret, new SecretRef(secretRef?.Group, secretRef?.Kind, secretRef?.Name ?? string.Empty, secretRef?.Namespace), context, out error);
        if (clientSecret is null)
        {
            return null;
        }

        var secretBytes = SecurityReferences.SecretValue(clientSecret, ClientSecretKey);
        if (secretBytes is null || secretBytes.Length == 0)
        {
            error = $"client secret not found in secret {clientSecret.Metadata?.NamespaceProperty ?? secretRef!.Namespace ?? owners.ClientSecret}/{secretRef!.Name}";
            return null;
        }

        var redirectUrl = DefaultRedirectUrl;
        var redirectPath = DefaultRedirectPath;
        if (oidc.RedirectURL is { } configured)
        {
            var path = ExtractRedirectPath(configured, out error);
            if (path is null)
            {
                return null;
            }

            redirectUrl = configured;
            redirectPath = path;
        }

        var hmac = context.FindSecret(context.ControllerNamespace, HmacSecretName);
        if (hmac is null)
        {
            error = $"HMAC secret {context.ControllerNamespace}/{HmacSecretName} not found";
            return null;
        }

        var hmacBytes = SecurityReferences.SecretValue(hmac, HmacSecretKey);
        if (hmacBytes is null || hmacBytes.Length == 0)
        {
            error = $"HMAC secret not found in secret {context.ControllerNamespace}/{HmacSecretName}";
            return null;
        }

        error = null;
        return new OidcIr(
            provider,
            clientId,
            secretBytes,
            hmacBytes,
            AppendOpenIdScope(oidc.Scopes),
            [.. oidc.Resources ?? []],
            redirectUrl,
            redirectPath,
            oidc.LogoutPath ?? DefaultLogoutPath,
            oidc.ForwardAccessToken ?? false,
            oidc.RefreshToken ?? true,
            oidc.PassThroughAuthHeader ?? false,
            oidc.DisableTokenEncryption ?? false,
            oidc.CookieDomain,
            oidc.CookieNames?.AccessToken,
            oidc.CookieNames?.IdToken,
            oidc.CookieConfig?.SameSite?.Value,
            Fnv32aHex(policyUid),
            Duration(oidc.DefaultTokenTTL),
            Duration(oidc.DefaultRefreshTokenTTL),
            Duration(oidc.CsrfTokenTTL),
            oidc.ForwardIDToken?.Header);
    }

    /// <summary>The first missing required field or <c>null</c> list item, which only a file the API server would refuse can hold.</summary>
    private static string? NullValue(SecurityPolicySpecOidc oidc) =>
        (oidc.Provider is null ? RequiredValues.Missing("spec.oidc.provider") : null)
        ?? RequiredValues.FirstNullItemOrField(oidc.Provider?.BackendRefs, "spec.oidc.provider.backendRefs", "name", r => r.Name)
        ?? RequiredValues.FirstNullItem(oidc.Scopes, "spec.oidc.scopes")
        ?? RequiredValues.FirstNullItem(oidc.Resources, "spec.oidc.resources");

    /// <summary><c>buildOIDCProvider</c>, without the network discovery of missing endpoints.</summary>
    public static OidcProviderIr? BuildProvider(SecurityPolicySpecOidcProvider provider, string backendRefsNamespace, IFeatureContext context, out string? error)
    {
        var url = GoUrl.Parse(provider.TokenEndpoint ?? provider.Issuer ?? string.Empty, out error);
        if (url is null)
        {
            return null;
        }

        IReadOnlyList<ExtServiceDestination>? destinations = null;
        if (provider.BackendRefs is { Count: > 0 } refs)
        {
            destinations = SecurityReferences.ValidateExtServiceBackendRefs(
                [.. refs.Select(r => new ExtServiceBackendRef(r.Group, r.Kind, r.Name, r.Namespace, r.Port, r.Weight, r.Fallback))],
                backendRefsNamespace,
                context,
                out error);
            if (destinations is null)
            {
                return null;
            }
        }

        if (provider.TokenEndpoint is { } token && provider.AuthorizationEndpoint is not null)
        {
            if (ValidateTokenEndpoint(token) is { } tokenError)
            {
                error = tokenError;
                return null;
            }
        }

        var traffic = ExtServiceTraffic.Build(provider.BackendSettings, "oidc.provider.backendSettings", context, out error);
        if (error is not null)
        {
            return null;
        }

        return new OidcProviderIr(provider.Issuer ?? string.Empty, provider.TokenEndpoint, provider.AuthorizationEndpoint, provider.EndSessionEndpoint, url.Scheme == "https", destinations)
        {
            Traffic = traffic,
        };
    }

    /// <summary><c>validateTokenEndpoint</c>: no IPv4 literal host, numeric port.</summary>
    public static string? ValidateTokenEndpoint(string tokenEndpoint)
    {
        var url = GoUrl.Parse(tokenEndpoint, out var parseError);
        if (url is null)
        {
            return "error parsing token endpoint URL: " + parseError;
        }

        var hostname = url.Hostname;
        if (GoNet.ParseAddr(hostname) is { } ip && GoNet.IsIPv4(ip))
        {
            return "token endpoint URL must be a domain name: " + tokenEndpoint;
        }

        return null;
    }

    /// <summary><c>extractRedirectPath</c>: <c>http</c>, <c>https</c> or <c>%REQ(x-forwarded-proto)%</c>, a host, and a path other than <c>/</c>.</summary>
    public static string? ExtractRedirectPath(string redirectUrl, out string? error)
    {
        error = "invalid redirect URL " + redirectUrl;
        var schemeDelimiter = redirectUrl.IndexOf("://", StringComparison.Ordinal);
        if (schemeDelimiter <= 0)
        {
            return null;
        }

        var scheme = redirectUrl[..schemeDelimiter];
        if (scheme != "http" && scheme != "https" && scheme != "%REQ(x-forwarded-proto)%")
        {
            return null;
        }

        var hostDelimiter = redirectUrl[(schemeDelimiter + 3)..].IndexOf('/', StringComparison.Ordinal);
        if (hostDelimiter <= 0)
        {
            return null;
        }

        var path = redirectUrl[(schemeDelimiter + 3 + hostDelimiter)..];
        if (path == "/")
        {
            return null;
        }

        error = null;
        return path;
    }

    /// <summary>Scopes with <c>openid</c> added at the front unless present.</summary>
    public static IReadOnlyList<string> AppendOpenIdScope(IList<string>? scopes)
    {
        var list = scopes is null ? new List<string>() : new List<string>(scopes);
        if (!list.Contains("openid"))
        {
            list.Insert(0, "openid");
        }

        return list;
    }

    /// <summary>FNV-32a of the policy UID in lower-case hex: the cookie name suffix.</summary>
    public static string Fnv32aHex(string text)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619;
        }

        return hash.ToString("x", CultureInfo.InvariantCulture);
    }

    private static TimeSpan? Duration(EnvoyGateway.Sdk.Runtime.GatewayDuration? value) =>
        value is not null && value.TryGetTimeSpan(out var span) ? span : null;
}
