using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.JwtAuthn.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// SecurityPolicy <c>jwt</c> (envoy-mapping.md §3, §6 pattern A): one <c>envoy.filters.http.jwt_authn</c> filter per
/// HCM holding every provider and requirement of its routes, and per route <c>PerRouteConfig.requirement_name</c>.
/// Providers forward the token, put the payload in metadata under the provider name (scope/scp claims split), map
/// claims to headers and read the token where <c>extractFrom</c> says; remote JWKS use a 10s timeout, a 300s cache
/// and async fetch, through <c>securitypolicy/&lt;ns&gt;/&lt;name&gt;/jwt/&lt;i&gt;</c> (backendRefs) or the URL-derived
/// cluster <c>&lt;host&gt;_&lt;port&gt;</c>, shaped by the JWKS <c>backendSettings</c> (retry →
/// <c>RemoteJwks.retry_policy</c>, see <see cref="ExtServiceSettings"/>). Provider and requirement names carry Envoy
/// Gateway's content hash.
/// </summary>
internal sealed class JwtAuthnFilterFeature : IHttpFilterFeature, IResourceFeature, IIrFeature
{
    public const string FilterName = "envoy.filters.http.jwt_authn";
    private const int MaxNameLength = 256;
    private const long JwksTimeoutNanos = 10_000_000_000L;
    private const long DefaultCacheNanos = 300_000_000_000L;

    public string Name => "sp.jwt";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var policy in SecurityPolicies.Of(gateway).Where(p => p.Features.Jwt is not null))
        {
            foreach (var problem in policy.Problems)
            {
                SecurityPolicies.Warn(gateway, $"SecurityPolicy {policy.Namespace}/{policy.Name}: {problem}");
            }

            var providers = policy.Features.Jwt!.Providers;
            for (var i = 0; i < providers.Count; i++)
            {
                if (providers[i].RemoteJwks is not { } remote)
                {
                    continue;
                }

                if (policy.JwksDestinations.TryGetValue(i, out var destination))
                {
                    ExtServiceSettings.Report(gateway, policy, remote.Traffic, new ExtServiceSettings.Target(destination));
                }
                else if (remote.Destinations is null && UrlClusters.Parse(remote.Uri) is not null)
                {
                    ExtServiceSettings.Report(gateway, policy, remote.Traffic, new ExtServiceSettings.Target(Destination: null));
                }
            }
        }
    }

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        var authentication = new JwtAuthentication();
        foreach (var policy in SecurityPolicies.Of(routes).Where(p => p.Features.Jwt is not null))
        {
            var config = Build(policy);
            foreach (var (key, provider) in config.Providers)
            {
                authentication.Providers[key] = provider;
            }

            authentication.RequirementMap[config.RequirementName] = config.Requirement;
        }

        if (authentication.RequirementMap.Count > 0)
        {
            yield return new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(authentication) };
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Security is { Features.Jwt: not null } policy)
        {
            xdsRoute.TypedPerFilterConfig[FilterName] = Any.Pack(new PerRouteConfig { RequirementName = Build(policy).RequirementName });
        }
    }

    public void AddResources(GatewayIr gateway, XdsResourceSink sink)
    {
        foreach (var policy in SecurityPolicies.Of(gateway).Where(p => p.Features.Jwt is not null))
        {
            var providers = policy.Features.Jwt!.Providers;
            for (var i = 0; i < providers.Count; i++)
            {
                if (policy.JwksDestinations.TryGetValue(i, out var destination))
                {
                    ServiceClusters.Add(destination, providers[i].RemoteJwks!.Traffic, sink);
                }
                else if (providers[i].RemoteJwks is { Destinations: null } remote && UrlClusters.Parse(remote.Uri) is { } target)
                {
                    UrlClusters.Add(target, remote.Traffic, sink);
                    SecurityPolicies.Warn(gateway, UrlClusters.DnsClusterWarning(policy, "jwt remoteJWKS", target.ClusterName));
                }
            }
        }
    }

    /// <summary>The providers (by hashed key), the requirement and its hashed name for one policy.</summary>
    internal static JwtConfig Build(SecurityIr policy)
    {
        var jwt = policy.Features.Jwt!;
        var providers = new List<(string Key, JwtProvider Provider)>();
        for (var i = 0; i < jwt.Providers.Count; i++)
        {
            var provider = Provider(jwt.Providers[i], JwksCluster(policy, i));
            providers.Add((HashedName(jwt.Providers[i].Name, provider), provider));
        }

        JwtRequirement requirement;
        if (providers.Count == 1 && !jwt.Optional && !jwt.FailOpen)
        {
            requirement = new JwtRequirement { ProviderName = providers[0].Key };
        }
        else
        {
            var any = new JwtRequirementOrList();
            any.Requirements.AddRange(providers.Select(p => new JwtRequirement { ProviderName = p.Key }));
            if (jwt.FailOpen)
            {
                any.Requirements.Add(new JwtRequirement { AllowMissingOrFailed = new Empty() });
            }
            else if (jwt.Optional)
            {
                any.Requirements.Add(new JwtRequirement { AllowMissing = new Empty() });
            }

            requirement = new JwtRequirement { RequiresAny = any };
        }

        var baseName = string.Join("-or-", jwt.Providers.Select(p => p.Name)) + (jwt.FailOpen ? "-or-missing-or-failed" : jwt.Optional ? "-or-missing" : string.Empty);
        return new JwtConfig(providers, HashedName(baseName, requirement), requirement);
    }

    internal static JwtProvider Provider(JwtProviderIr ir, string? jwksCluster)
    {
        var provider = new JwtProvider
        {
            Issuer = ir.Issuer ?? string.Empty,
            Forward = true,
            PayloadInMetadata = ir.Name,
            NormalizePayloadInMetadata = new JwtProvider.Types.NormalizePayload { SpaceDelimitedClaims = { "scope", "scp" } },
            ClearRouteCache = ir.RecomputeRoute,
        };
        provider.Audiences.AddRange(ir.Audiences);
        provider.ClaimToHeaders.AddRange(ir.ClaimToHeaders.Select(c => new JwtClaimToHeader { HeaderName = c.Header, ClaimName = c.Claim }));
        if (ir.ExtractFrom is { } extract)
        {
            provider.FromHeaders.AddRange((extract.Headers ?? []).Select(h => new JwtHeader { Name = h.Name, ValuePrefix = h.ValuePrefix ?? string.Empty }));
            provider.FromCookies.AddRange(extract.Cookies ?? []);
            provider.FromParams.AddRange(extract.Params ?? []);
        }

        if (ir.RemoteJwks is { } remote)
        {
            provider.RemoteJwks = new RemoteJwks
            {
                HttpUri = new HttpUri { Uri = remote.Uri, Cluster = jwksCluster ?? string.Empty, Timeout = ProtoDefaults.Nanos(JwksTimeoutNanos) },
                CacheDuration = ProtoDefaults.Nanos(remote.CacheDuration is { } cache ? cache.Ticks * 100 : DefaultCacheNanos),
                AsyncFetch = new JwksAsyncFetch(),
                RetryPolicy = ExtServiceSettings.Retry(remote.Traffic),
            };
            if (remote.FailedRefetchDuration is { } refetch)
            {
                provider.RemoteJwks.AsyncFetch.FailedRefetchDuration = ProtoDefaults.Nanos(refetch.Ticks * 100);
            }
        }
        else if (ir.LocalJwks is { } local)
        {
            provider.LocalJwks = new DataSource { InlineString = local };
        }

        return provider;
    }

    private static string? JwksCluster(SecurityIr policy, int index)
    {
        if (policy.Features.Jwt!.Providers[index].RemoteJwks is not { } remote)
        {
            return null;
        }

        return remote.Destinations is { Count: > 0 } ? policy.ServiceCluster("jwt", index) : UrlClusters.Parse(remote.Uri)?.ClusterName;
    }

    // <name>_<hash>, the name cut so the whole stays within 256 characters.
    private static string HashedName(string name, Google.Protobuf.IMessage message)
    {
        var hash = ProtoHash.Hex8(message);
        var room = MaxNameLength - hash.Length - 1;
        return (name.Length > room ? name[..room] : name) + "_" + hash;
    }
}

/// <summary>One policy's part of the jwt_authn filter.</summary>
internal sealed record JwtConfig(IReadOnlyList<(string Key, JwtProvider Provider)> Providers, string RequirementName, JwtRequirement Requirement);
