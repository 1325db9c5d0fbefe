using System.Collections.Generic;
using System.Globalization;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>One authorization rule of the IR (<c>ir.AuthorizationRule</c>).</summary>
internal sealed record AuthorizationRuleIr(
    string Name,
    string Action,
    IReadOnlyList<string>? Methods,
    SecurityPolicySpecAuthorizationRulesItemOperationPath? Path,
    IReadOnlyList<CidrMatch> ClientCidrs,
    SecurityPolicySpecAuthorizationRulesItemPrincipalJwt? Jwt,
    IReadOnlyList<SecurityPolicySpecAuthorizationRulesItemPrincipalHeadersItem>? Headers,
    IReadOnlyList<SecurityPolicySpecAuthorizationRulesItemPrincipalClientIPGeoLocationsItem>? ClientIpGeoLocations,
    string? Cel);

/// <summary>IR of <c>spec.authorization</c>.</summary>
internal sealed record AuthorizationIr(string DefaultAction, IReadOnlyList<AuthorizationRuleIr> Rules);

/// <summary><c>buildAuthorization</c>, the TCP route checks and the per-listener GeoIP check.</summary>
internal static class AuthorizationFeature
{
    public const string GeoIpRequiresClientIpDetection = "authorization clientIPGeoLocations requires ClientTrafficPolicy.spec.clientIPDetection to be configured";

    /// <summary>Default rule name: <c>securitypolicy/&lt;ns&gt;/&lt;name&gt;/authorization/rule/&lt;i&gt;</c>.</summary>
    public static string DefaultRuleName(string policyNamespace, string policyName, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"securitypolicy/{policyNamespace}/{policyName}/authorization/rule/{index}");

    public static AuthorizationIr? Build(SecurityPolicySpecAuthorization authorization, string policyNamespace, string policyName, out string? error)
    {
        var rules = new List<AuthorizationRuleIr>();
        var index = 0;
        foreach (var rule in authorization.Rules ?? [])
        {
            if (NullItems(rule, index) is { } nullItem)
            {
                error = nullItem;
                return null;
            }

            var cidrs = new List<CidrMatch>();
            foreach (var cidr in rule.Principal?.ClientCIDRs ?? [])
            {
                var match = GoNet.ParseCidr(cidr, out var cidrError);
                if (match is null)
                {
                    error = "unable to translate authorization rule: " + cidrError;
                    return null;
                }

                cidrs.Add(match);
            }

            var name = string.IsNullOrEmpty(rule.Name) ? DefaultRuleName(policyNamespace, policyName, index) : rule.Name;
            List<string>? methods = rule.Operation?.Methods is { } m ? [.. System.Linq.Enumerable.Select(m, x => x.Value)] : null;
            rules.Add(new AuthorizationRuleIr(
                name,
                rule.Action?.Value ?? "Deny",
                methods,
                rule.Operation?.Path,
                cidrs,
                rule.Principal?.Jwt,
                rule.Principal?.Headers is { } h ? [.. h] : null,
                rule.Principal?.ClientIPGeoLocations is { } g ? [.. g] : null,
                rule.Cel));
            index++;
        }

        error = null;
        return new AuthorizationIr(authorization.DefaultAction?.Value ?? "Deny", rules);
    }

    // A null rule, or null items and required names inside it; the first one found.
    private static string? NullItems(SecurityPolicySpecAuthorizationRulesItem? rule, int index)
    {
        var path = RequiredFields.Item("rules", index);
        if (rule is null)
        {
            return path + " must not be null";
        }

        var principal = rule.Principal;
        var error = RequiredFields.NullItem(rule.Operation?.Methods, path + ".operation.methods")
            ?? RequiredFields.NullItem(principal?.ClientCIDRs, path + ".principal.clientCIDRs")
            ?? RequiredFields.NullItem(principal?.Headers, path + ".principal.headers")
            ?? RequiredFields.NullItem(principal?.ClientIPGeoLocations, path + ".principal.clientIPGeoLocations");
        if (error is not null)
        {
            return error;
        }

        var headers = principal?.Headers ?? [];
        for (var i = 0; i < headers.Count; i++)
        {
            var header = RequiredFields.Item(path + ".principal.headers", i);
            error = headers[i].Name is null ? RequiredFields.Missing(header + ".name")
                : headers[i].Values is null ? RequiredFields.Missing(header + ".values")
                : RequiredFields.NullItem(headers[i].Values, header + ".values");
            if (error is not null)
            {
                return error;
            }
        }

        if (principal?.Jwt is not { } jwt)
        {
            return null;
        }

        if (jwt.Provider is null)
        {
            return RequiredFields.Missing(path + ".principal.jwt.provider");
        }

        error = RequiredFields.NullItem(jwt.Scopes, path + ".principal.jwt.scopes") ?? RequiredFields.NullItem(jwt.Claims, path + ".principal.jwt.claims");
        var claims = jwt.Claims ?? [];
        for (var i = 0; error is null && i < claims.Count; i++)
        {
            var claim = RequiredFields.Item(path + ".principal.jwt.claims", i);
            error = claims[i].Name is null ? RequiredFields.Missing(claim + ".name")
                : claims[i].Values is null ? RequiredFields.Missing(claim + ".values")
                : RequiredFields.NullItem(claims[i].Values, claim + ".values");
        }

        return error;
    }

    /// <summary>True when some rule uses <c>clientIPGeoLocations</c>.</summary>
    public static bool UsesGeoIp(SecurityPolicySpecAuthorization? authorization)
    {
        foreach (var rule in authorization?.Rules ?? [])
        {
            if (rule?.Principal?.ClientIPGeoLocations is { Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The per-listener GeoIP check (raw detail, the caller adds <c>Authorization: </c>), or null.</summary>
    public static string? ValidateGeoIp(SecurityPolicySpecAuthorization? authorization, bool listenerHasClientIpDetection) =>
        UsesGeoIp(authorization) && !listenerHasClientIpDetection ? GeoIpRequiresClientIpDetection : null;

    /// <summary>The TCPRoute checks of <c>validateSecurityPolicyForTCP</c> on the authorization rules.</summary>
    public static string? ValidateForTcp(SecurityPolicySpecAuthorization? authorization)
    {
        var i = 0;
        foreach (var rule in authorization?.Rules ?? [])
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            if (NullItems(rule, i) is { } nullItem)
            {
                return nullItem;
            }

            if (!string.IsNullOrEmpty(rule.Cel))
            {
                return $"rule {n}: CEL not supported for TCP";
            }

            var principal = rule.Principal;
            if (principal?.Jwt is not null)
            {
                return $"rule {n}: JWT not supported for TCP";
            }

            if (principal?.Headers is { Count: > 0 })
            {
                return $"rule {n}: headers not supported for TCP";
            }

            if (principal?.ClientIPGeoLocations is { Count: > 0 })
            {
                return $"rule {n}: clientIPGeoLocations not supported for TCP";
            }

            foreach (var cidr in principal?.ClientCIDRs ?? [])
            {
                if (GoNet.ParseCidr(cidr, out var cidrError) is null)
                {
                    return $"rule {n}: invalid ClientCIDR {GoFormat.Quote(cidr)}: {cidrError}";
                }
            }

            i++;
        }

        return null;
    }
}
