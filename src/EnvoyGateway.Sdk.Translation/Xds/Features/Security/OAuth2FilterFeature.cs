using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Oauth2.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Envoy.Type.Matcher.V3;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// SecurityPolicy <c>oidc</c> (envoy-mapping.md §3, §6 pattern A): an empty <c>envoy.filters.http.oauth2</c> filter and
/// per route <c>OAuth2PerRoute.config</c> — a message the compiled API lacks, so it is a TypedStruct (with a warning) —
/// holding the OAuth2Config: token endpoint (10s, cluster <c>securitypolicy/…/oidc/0</c> or <c>&lt;host&gt;_&lt;port&gt;</c>),
/// credentials with the generated secrets <c>oauth2/client_secret/…</c> and <c>oauth2/hmac_secret/…</c> (SDS), cookie
/// names suffixed with the FNV-32a of the policy UID, redirect/logout paths, scopes, resources, refresh and bearer
/// token forwarding, pass-through of JWT headers. The provider's <c>backendSettings</c> shape the token cluster
/// (<see cref="ExtServiceSettings"/>). OAuth2Config fields missing from the compiled API (among them
/// <c>retry_policy</c>) are reported.
/// </summary>
internal sealed class OAuth2FilterFeature : IHttpFilterFeature, IResourceFeature, IIrFeature
{
    public const string FilterName = "envoy.filters.http.oauth2";
    public const string PerRouteMessage = "envoy.extensions.filters.http.oauth2.v3.OAuth2PerRoute";
    private const string ConfigMessage = "envoy.extensions.filters.http.oauth2.v3.OAuth2Config";
    private const long TokenTimeoutNanos = 10_000_000_000L;

    public string Name => "sp.oidc";

    public static string ClientSecretName(SecurityIr policy) => "oauth2/client_secret/" + policy.IrName;

    public static string HmacSecretName(SecurityIr policy) => "oauth2/hmac_secret/" + policy.IrName;

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var policy in SecurityPolicies.Of(gateway).Where(p => p.Features.Oidc is not null))
        {
            var oidc = policy.Features.Oidc!;
            foreach (var problem in policy.Problems)
            {
                SecurityPolicies.Warn(gateway, $"SecurityPolicy {policy.Namespace}/{policy.Name}: {problem}");
            }

            if (!Applies(policy))
            {
                SecurityPolicies.Warn(gateway, SecurityPolicies.NotTranslated(policy, "oidc",
                    "the provider's token and authorization endpoints must be set: discovering them from the issuer needs network access"));
                continue;
            }

            SecurityPolicies.Warn(gateway, SecurityPolicies.PackedAsTypedStruct(policy, PerRouteMessage, "oidc"));
            ExtServiceSettings.Report(gateway, policy, oidc.Provider.Traffic, new ExtServiceSettings.Target(
                policy.OidcDestination, (ConfigMessage, "retry_policy")));
            var missing = new List<(string Message, string Field, string PolicyField)>
            {
                (ConfigMessage, "stat_prefix", "oidc (stats)"),
                (ConfigMessage, "cookie_configs", "oidc.cookieConfig"),
                ("envoy.extensions.filters.http.oauth2.v3.OAuth2Credentials.CookieNames", "oauth_nonce", "oidc (nonce cookie)"),
            };
            if (oidc.Provider.EndSessionEndpoint is not null)
            {
                missing.Add((ConfigMessage, "end_session_endpoint", "oidc.provider.endSessionEndpoint"));
            }

            if (oidc.CsrfTokenTtl is not null)
            {
                missing.Add((ConfigMessage, "csrf_token_expires_in", "oidc.csrfTokenTTL"));
            }

            if (oidc.DisableTokenEncryption)
            {
                missing.Add((ConfigMessage, "disable_token_encryption", "oidc.disableTokenEncryption"));
            }

            if (oidc.ForwardIdTokenHeader is not null)
            {
                missing.Add((ConfigMessage, "forward_id_token", "oidc.forwardIDToken"));
            }

            if (oidc.CookieDomain is not null)
            {
                missing.Add(("envoy.extensions.filters.http.oauth2.v3.OAuth2Credentials", "cookie_domain", "oidc.cookieDomain"));
            }

            foreach (var (message, field, policyField) in missing)
            {
                SecurityPolicies.Warn(gateway, SecurityPolicies.FieldNotEmitted(policy, message, field, policyField));
            }
        }
    }

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (routes.Any(r => r.Security is { } policy && Applies(policy)))
        {
            yield return new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(new OAuth2()) };
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Security is { } policy && Applies(policy))
        {
            var config = Struct.Parser.ParseJson(EnvoyJson.Format(Config(policy)));
            var perRoute = new Struct { Fields = { ["config"] = Value.ForStruct(config) } };
            xdsRoute.TypedPerFilterConfig[FilterName] = EnvoyApiGaps.PackAsTypedStruct(PerRouteMessage, perRoute);
        }
    }

    public void AddResources(GatewayIr gateway, XdsResourceSink sink)
    {
        foreach (var policy in SecurityPolicies.Of(gateway).Where(Applies))
        {
            var oidc = policy.Features.Oidc!;
            sink.Secrets.Add(GenericSecret(ClientSecretName(policy), oidc.ClientSecret));
            sink.Secrets.Add(GenericSecret(HmacSecretName(policy), oidc.HmacSecret));
            if (policy.OidcDestination is { } destination)
            {
                ServiceClusters.Add(destination, oidc.Provider.Traffic, sink);
            }
            else if (UrlClusters.Parse(oidc.Provider.TokenEndpoint!) is { } target)
            {
                UrlClusters.Add(target, oidc.Provider.Traffic, sink);
                SecurityPolicies.Warn(gateway, UrlClusters.DnsClusterWarning(policy, "oidc provider tokenEndpoint", target.ClusterName));
            }
        }
    }

    // Without both endpoints Envoy Gateway discovers them from the issuer (network access this translator does not do).
    private static bool Applies(SecurityIr policy) =>
        policy.Features.Oidc is { Provider: { TokenEndpoint: { } token, AuthorizationEndpoint: not null } }
        && (policy.OidcDestination is not null || (policy.Features.Oidc.Provider.Destinations is null && UrlClusters.Parse(token) is not null));

    internal static OAuth2Config Config(SecurityIr policy)
    {
        var oidc = policy.Features.Oidc!;
        var provider = oidc.Provider;
        var suffix = oidc.CookieSuffix;
        var config = new OAuth2Config
        {
            TokenEndpoint = new HttpUri
            {
                Uri = provider.TokenEndpoint,
                Cluster = policy.OidcDestination?.Name ?? UrlClusters.Parse(provider.TokenEndpoint!)!.ClusterName,
                Timeout = ProtoDefaults.Nanos(TokenTimeoutNanos),
            },
            AuthorizationEndpoint = provider.AuthorizationEndpoint,
            Credentials = new OAuth2Credentials
            {
                ClientId = oidc.ClientId,
                TokenSecret = ProtoDefaults.Sds(ClientSecretName(policy)),
                HmacSecret = ProtoDefaults.Sds(HmacSecretName(policy)),
                CookieNames = new OAuth2Credentials.Types.CookieNames
                {
                    BearerToken = oidc.AccessTokenCookieName ?? "AccessToken-" + suffix,
                    OauthHmac = "OauthHMAC-" + suffix,
                    OauthExpires = "OauthExpires-" + suffix,
                    IdToken = oidc.IdTokenCookieName ?? "IdToken-" + suffix,
                    RefreshToken = "RefreshToken-" + suffix,
                },
            },
            RedirectUri = oidc.RedirectUrl,
            RedirectPathMatcher = new PathMatcher { Path = new StringMatcher { Exact = oidc.RedirectPath } },
            SignoutPath = new PathMatcher { Path = new StringMatcher { Exact = oidc.LogoutPath } },
            ForwardBearerToken = oidc.ForwardAccessToken,
            PreserveAuthorizationHeader = !oidc.ForwardAccessToken,
            AuthType = OAuth2Config.Types.AuthType.BasicAuth,
            UseRefreshToken = oidc.RefreshToken,
        };
        config.AuthScopes.AddRange(oidc.Scopes);
        config.Resources.AddRange(oidc.Resources);
        if (oidc.DefaultTokenTtl is { } ttl)
        {
            config.DefaultExpiresIn = ProtoDefaults.Nanos(ttl.Ticks * 100);
        }

        if (oidc.DefaultRefreshTokenTtl is { } refreshTtl)
        {
            config.DefaultRefreshTokenExpiresIn = ProtoDefaults.Nanos(refreshTtl.Ticks * 100);
        }

        if (oidc.PassThroughAuthHeader)
        {
            config.PassThroughMatcher.AddRange(JwtHeaderMatchers(policy.Features.Jwt));
        }

        return config;
    }

    // A request already carrying a token where a JWT provider reads it skips the OAuth2 flow.
    private static IEnumerable<HeaderMatcher> JwtHeaderMatchers(JwtIr? jwt)
    {
        foreach (var provider in jwt?.Providers ?? [])
        {
            if (provider.ExtractFrom is null)
            {
                yield return new HeaderMatcher { Name = "Authorization", StringMatch = new StringMatcher { Prefix = "Bearer " } };
                continue;
            }

            foreach (var header in provider.ExtractFrom.Headers ?? [])
            {
                yield return string.IsNullOrEmpty(header.ValuePrefix)
                    ? new HeaderMatcher { Name = header.Name, PresentMatch = true }
                    : new HeaderMatcher { Name = header.Name, StringMatch = new StringMatcher { Prefix = header.ValuePrefix } };
            }
        }
    }

    private static Secret GenericSecret(string name, byte[] value) => new()
    {
        Name = name,
        GenericSecret = new GenericSecret { Secret = new DataSource { InlineBytes = ByteString.CopyFrom(value) } },
    };
}
