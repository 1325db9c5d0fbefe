using System;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Decides when a value must not appear in a message: any property on its path whose name suggests a secret
/// (password, secret, token, key, credential, ...), or anything inside a Kubernetes <c>Secret</c>.
/// </summary>
internal static class SecretRedaction
{
    /// <summary>What is shown instead of a hidden value.</summary>
    public const string Placeholder = "<redacted>";

    private static readonly string[] Markers = ["password", "passwd", "secret", "token", "key", "credential"];

    /// <summary>Returns whether the value at <paramref name="path"/> of a resource of kind <paramref name="kind"/> must be hidden.</summary>
    public static bool IsSecret(string? kind, string path)
    {
        if (string.Equals(kind, "Secret", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var segment in JsonPath.Split(path))
        {
            if (segment.Name is { } name && IsSecretName(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether a field name suggests that its value is secret.</summary>
    public static bool IsSecretName(string name)
    {
        foreach (var marker in Markers)
        {
            if (name.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
