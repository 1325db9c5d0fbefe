using System;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Sdk.Testing;

/// <summary>Reads the <c>namespace/name</c> form tests use to name a policy.</summary>
internal static class PolicyName
{
    public static PolicyRef Parse(string kind, string policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var slash = policy.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < policy.Length - 1 && policy.IndexOf('/', slash + 1) < 0
            ? new PolicyRef(kind, policy[..slash], policy[(slash + 1)..])
            : throw new ArgumentException($"Policy '{policy}' is not namespace/name.", nameof(policy));
    }
}
