using System;
using System.Collections.Generic;
using System.Text;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>One key source of <c>apiKeyAuth.extractFrom</c>.</summary>
internal sealed record ApiKeySource(IReadOnlyList<string> Headers, IReadOnlyList<string> Params, IReadOnlyList<string> Cookies);

/// <summary>IR of <c>spec.apiKeyAuth</c>: client id → key (never rendered in errors), key sources, forwarding.</summary>
internal sealed record ApiKeyAuthIr(IReadOnlyDictionary<string, byte[]> Credentials, IReadOnlyList<ApiKeySource> ExtractFrom, string? ForwardClientIdHeader, bool Sanitize);

/// <summary><c>buildAPIKeyAuth</c> and the route-level <c>validateAPIKeyAuth</c>.</summary>
internal static class ApiKeyAuthFeature
{
    /// <summary>Route/rule pre-translation check: each extractFrom entry sets only one kind of source.</summary>
    public static string? ValidateForRoute(SecurityPolicySpecApiKeyAuth apiKeyAuth)
    {
        foreach (var source in apiKeyAuth.ExtractFrom ?? [])
        {
            if (source is null)
            {
                continue; // reported by Build
            }

            var headers = source.Headers is { Count: > 0 };
            var @params = source.Params is { Count: > 0 };
            var cookies = source.Cookies is { Count: > 0 };
            if ((headers && @params) || (headers && cookies) || (@params && cookies))
            {
                return "only one of headers, params or cookies must be specified";
            }
        }

        return null;
    }

    public static ApiKeyAuthIr? Build(SecurityPolicySpecApiKeyAuth apiKeyAuth, string ownerNamespace, IFeatureContext context, out string? error)
    {
        if (NullItems(apiKeyAuth) is { } nullItem)
        {
            error = nullItem;
            return null;
        }

        var credentials = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in apiKeyAuth.CredentialRefs ?? [])
        {
            var secret = SecurityReferences.ValidateSecretRef(false, ownerNamespace, new SecretRef(reference.Group, reference.Kind, reference.Name, reference.Namespace), context, out error);
            if (secret is null)
            {
                return null;
            }

            foreach (var (clientId, key) in SecurityReferences.SecretEntries(secret))
            {
                if (credentials.ContainsKey(clientId))
                {
                    continue;
                }

                if (!seenKeys.Add(Encoding.UTF8.GetString(key)))
                {
                    error = "duplicated API key";
                    return null;
                }

                credentials[clientId] = key;
            }
        }

        var sources = new List<ApiKeySource>();
        foreach (var source in apiKeyAuth.ExtractFrom ?? [])
        {
            sources.Add(new ApiKeySource([.. source.Headers ?? []], [.. source.Params ?? []], [.. source.Cookies ?? []]));
        }

        error = null;
        return new ApiKeyAuthIr(credentials, sources, apiKeyAuth.ForwardClientIDHeader, apiKeyAuth.Sanitize ?? false);
    }

    // Null credential references, key sources and source names; the first one found.
    private static string? NullItems(SecurityPolicySpecApiKeyAuth apiKeyAuth)
    {
        var error = RequiredFields.NullItem(apiKeyAuth.CredentialRefs, "credentialRefs") ?? RequiredFields.NullItem(apiKeyAuth.ExtractFrom, "extractFrom");
        var sources = apiKeyAuth.ExtractFrom ?? [];
        for (var i = 0; error is null && i < sources.Count; i++)
        {
            var path = RequiredFields.Item("extractFrom", i);
            error = RequiredFields.NullItem(sources[i].Headers, path + ".headers")
                ?? RequiredFields.NullItem(sources[i].Params, path + ".params")
                ?? RequiredFields.NullItem(sources[i].Cookies, path + ".cookies");
        }

        return error;
    }
}
