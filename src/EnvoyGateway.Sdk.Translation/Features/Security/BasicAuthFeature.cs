using System;
using System.Text;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>IR of <c>spec.basicAuth</c> (<c>ir.BasicAuth</c>): htpasswd users from the Secret key <c>.htpasswd</c>.</summary>
internal sealed record BasicAuthIr(byte[] Users, string? ForwardUsernameHeader);

/// <summary><c>buildBasicAuth</c>.</summary>
internal static class BasicAuthFeature
{
    public const string UsersKey = ".htpasswd";

    public static BasicAuthIr? Build(SecurityPolicySpecBasicAuth basicAuth, string ownerNamespace, IFeatureContext context, out string? error)
    {
        // Required by the CRD; only a file the API server would refuse leaves them out.
        if (basicAuth.Users is not { } users)
        {
            error = RequiredValues.Missing("spec.basicAuth.users");
            return null;
        }

        if (users.Name is null)
        {
            error = RequiredValues.Missing("spec.basicAuth.users.name");
            return null;
        }

        var secret = SecurityReferences.ValidateSecretRef(false, ownerNamespace, new SecretRef(users.Group, users.Kind, users.Name, users.Namespace), context, out error);
        if (secret is null)
        {
            return null;
        }

        var data = SecurityReferences.SecretValue(secret, UsersKey);
        var secretNamespace = secret.Metadata?.NamespaceProperty ?? users.Namespace ?? ownerNamespace;
        if (data is null || data.Length == 0)
        {
            error = $"users secret not found in secret {secretNamespace}/{users.Name}";
            return null;
        }

        if (ValidateHtpasswd(data) is { } formatError)
        {
            error = formatError;
            return null;
        }

        return new BasicAuthIr(data, basicAuth.ForwardUsernameHeader);
    }

    /// <summary>Envoy's basic_auth filter only takes <c>{SHA}</c> entries; Envoy Gateway rejects anything else.</summary>
    private static string? ValidateHtpasswd(byte[] data)
    {
        foreach (var raw in Encoding.UTF8.GetString(data).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.Contains(":{SHA}", StringComparison.Ordinal))
            {
                return "unsupported htpasswd format: please use {SHA}";
            }
        }

        return null;
    }
}
