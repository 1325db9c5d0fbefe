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

    /// <summary>
    /// The first <c>null</c> list item or missing required field of the rules (only a file the API server would refuse
    /// can hold one), or null. Checked before <see cref="Build"/>, whose errors have no prefix on Gateway targets.
    /// </summary>
    public static string? NullValue(SecurityPolicySpecAuthorization authorization)
    {
        const string Rules = "spec.authorization.rules";
        if (RequiredValues.FirstNullItem(authorization.Rules, Rules) is { } ruleError)
        {
            return ruleError;
        }

        for (var i = 0; i < (authorization.Rules?.Count ?? 0); i++)
        {
            if (NullValue(authorization.Rules![i], RequiredValues.Item(Rules, i)) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string? NullValue(SecurityPolicySpecAuthorizationRulesItem rule, string path)
    {
        if (RequiredValues.FirstNullItem(rule.Operation?.Methods, path + ".operation.methods") is { } methodError)
        {
            return methodError;
        }

        if (rule.Principal is not { } principal)
        {
            return null;
        }

        path += ".principal";
        var error = RequiredValues.FirstNullItem(principal.ClientCIDRs, path + ".clientCIDRs")
            ?? RequiredValues.FirstNullItem(principal.ClientIPGeoLocations, path + ".clientIPGeoLocations")
            ?? RequiredValues.FirstNullItem(principal.Headers, path + ".headers");
        for (var i = 0; error is null && i < (principal.Headers?.Count ?? 0); i++)
        {
            var header = principal.Headers![i];
            error = NameAndValues(header.Name, header.Values, RequiredValues.Item(path + ".headers", i));
        }

        if (error is null && principal.Jwt is { } jwt)
        {
            error = jwt.Provider is null ? RequiredValues.Missing(path + ".jwt.provider") : null;
            error ??= RequiredValues.FirstNullItem(jwt.Scopes, path + ".jwt.scopes") ?? RequiredValues.FirstNullItem(jwt.Claims, path + ".jwt.claims");
            for (var i = 0; error is null && i < (jwt.Claims?.Count ?? 0); i++)
            {
                var claim = jwt.Claims![i];
                error = NameAndValues(claim.Name, claim.Values, RequiredValues.Item(path + ".jwt.claims", i));
            }
        }

        return error;
    }

    // A header or claim principal: name and values are required, and no value may be null.
    private static string? NameAndValues(string? name, IList<string>? values, string path) =>
        name is null ? RequiredValues.Missing(path + ".name")
        : values is null ? RequiredValues.Missing(path + ".values")
        : RequiredValues.FirstNullItem(values, path + ".values");

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

    /// <summary>
    /// The TCPRoute checks of <c>validateSecurityPolicyForTCP</c> on the authorization rules (<c>null</c> rules and
    /// CIDRs are left to <see cref="NullValue(SecurityPolicySpecAuthorization)"/>, checked when the features are built).
    /// </summary>
    public static string? ValidateForTcp(SecurityPolicySpecAuthorization? authorization)
    {
        var i = -1;
        foreach (var rule in authorization?.Rules ?? [])
        {
            i++;
            if (rule is null)
            {
                continue;
            }

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
                if (cidr is not null && GoNet.ParseCidr(cidr, out var cidrError) is null)
                {
                    return $"rule {n}: invalid ClientCIDR {GoFormat.Quote(cidr)}: {cidrError}";
                }
            }
        }

        return null;
    }
}
