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
    /// <summary>
    /// Route/rule pre-translation check: each extractFrom entry sets only one kind of source (<c>null</c> entries are
    /// left to <see cref="Build"/>, which reports them).
    /// </summary>
    public static string? ValidateForRoute(SecurityPolicySpecApiKeyAuth apiKeyAuth)
    {
        foreach (var source in apiKeyAuth.ExtractFrom ?? [])
        {
            if (source is null)
            {
                continue;
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
        error = NullValue(apiKeyAuth);
        if (error is not null)
        {
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

    /// <summary>The first <c>null</c> list item or required name, which only a file the API server would refuse can hold.</summary>
    private static string? NullValue(SecurityPolicySpecApiKeyAuth apiKeyAuth)
    {
        const string Refs = "spec.apiKeyAuth.credentialRefs";
        const string Sources = "spec.apiKeyAuth.extractFrom";
        if (RequiredValues.FirstNullItemOrField(apiKeyAuth.CredentialRefs, Refs, "name", r => r.Name) is { } refError)
        {
            return refError;
        }

        if (RequiredValues.FirstNullItem(apiKeyAuth.ExtractFrom, Sources) is { } sourceError)
        {
            return sourceError;
        }

        for (var i = 0; i < (apiKeyAuth.ExtractFrom?.Count ?? 0); i++)
        {
            var source = apiKeyAuth.ExtractFrom![i];
            var path = RequiredValues.Item(Sources, i);
            if ((RequiredValues.FirstNullItem(source.Headers, path + ".headers")
                ?? RequiredValues.FirstNullItem(source.Params, path + ".params")
                ?? RequiredValues.FirstNullItem(source.Cookies, path + ".cookies")) is { } itemError)
            {
                return itemError;
            }
        }

        return null;
    }
}
