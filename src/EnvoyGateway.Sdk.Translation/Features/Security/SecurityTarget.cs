using System;
using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>
/// Where a SecurityPolicy's features are being built.
/// </summary>
/// <param name="IsTcp">The target is a TCPRoute or a TCP listener: only <c>authorization</c> is built, everything else is
/// ignored silently (route targets were validated before by <see cref="SecurityPolicyFeatures.ValidateForRoute"/>).</param>
/// <param name="ListenerHasClientIpDetection">The listener has ClientTrafficPolicy <c>spec.clientIPDetection</c>
/// (required by <c>clientIPGeoLocations</c>).</param>
/// <param name="IsGatewayTarget">The policy targets a Gateway or ListenerSet (whole or a section): Envoy Gateway then
/// reports the authorization builder's error without the <c>Authorization: </c> prefix.</param>
internal sealed record SecurityTarget(bool IsTcp, bool ListenerHasClientIpDetection, bool IsGatewayTarget = false);

/// <summary>
/// The namespaces owning each SecurityPolicy field after a merge (policy-attachment.md §5.3 "Field owners"): referenced
/// objects are resolved, and ReferenceGrants checked, from the owner's namespace. Null means the policy's own namespace.
/// </summary>
internal sealed record SecurityFieldOwners
{
    public string? BasicAuth { get; init; }

    public string? ApiKeyAuth { get; init; }

    public string? Authorization { get; init; }

    public string? ExtAuth { get; init; }

    public string? ExtAuthBackendRefs { get; init; }

    /// <summary>Owner namespace per context extension name (route wins a name clash).</summary>
    public IReadOnlyDictionary<string, string>? ExtAuthContextExtensions { get; init; }

    public string? Oidc { get; init; }

    public string? OidcProviderBackendRefs { get; init; }

    public string? OidcClientIdRef { get; init; }

    public string? OidcClientSecret { get; init; }

    public string? Jwt { get; init; }

    internal static string Or(string? owner, string policyNamespace) => string.IsNullOrEmpty(owner) ? policyNamespace : owner;

    internal string ContextExtension(string name, string fallback) =>
        ExtAuthContextExtensions is { } map && map.TryGetValue(name, out var ns) && !string.IsNullOrEmpty(ns) ? ns : fallback;
}

/// <summary>The outcome of building a SecurityPolicy's features for one target.</summary>
internal sealed class SecurityBuildResult
{
    public CorsIr? Cors { get; init; }

    public CsrfIr? Csrf { get; init; }

    public BasicAuthIr? BasicAuth { get; init; }

    public ApiKeyAuthIr? ApiKeyAuth { get; init; }

    public AuthorizationIr? Authorization { get; init; }

    public ExtAuthIr? ExtAuth { get; init; }

    public OidcIr? Oidc { get; init; }

    public JwtIr? Jwt { get; init; }

    /// <summary>Error of a feature builder other than ExtAuth (and other than the per-listener GeoIP check).</summary>
    public bool HasNonExtAuthErrors { get; init; }

    /// <summary>The ExtAuth builder failed.</summary>
    public bool HasExtAuthError { get; init; }

    /// <summary>
    /// True when the only errors are ExtAuth errors and <c>extAuth.failOpen</c> is true: Envoy Gateway then sets no
    /// direct 500 response and omits extAuth (policy-attachment.md §8.3). The condition is still <c>Invalid</c>.
    /// </summary>
    public bool OnlyFailOpenExtAuthErrors { get; init; }

    /// <summary>The per-listener GeoIP error (<c>Authorization: authorization clientIPGeoLocations requires ...</c>), or null.</summary>
    public string? GeoIpError { get; init; }

    /// <summary>True when the routes in scope must get a direct 500 response.</summary>
    public bool NeedsDirectResponse500 => HasNonExtAuthErrors || GeoIpError is not null || (HasExtAuthError && !OnlyFailOpenExtAuthErrors);
}
