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

    /// <summary>True when some rule uses <c>clientIPGeoLocations</c>.</summary>
    public static bool UsesGeoIp(SecurityPolicySpecAuthorization? authorization)
    {
        foreach (var rule in authorization?.Rules ?? [])
        {
            if (rule.Principal?.ClientIPGeoLocations is { Count: > 0 })
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
