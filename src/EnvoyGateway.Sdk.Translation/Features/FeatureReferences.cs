using k8s.Models;

namespace EnvoyGateway.Sdk.Translation.Features;

/// <summary>
/// Envoy Gateway's checks when a policy refers to a Secret or ConfigMap, with its error texts: the ReferenceGrant
/// rule for other namespaces, then the object's existence.
/// </summary>
internal static class FeatureReferences
{
    /// <summary>The API group of every Envoy Gateway policy kind.</summary>
    public const string PolicyGroup = "gateway.envoyproxy.io";

    /// <summary>
    /// Null when a <paramref name="fromKind"/> in <paramref name="fromNamespace"/> may refer to the core
    /// <paramref name="kind"/> <paramref name="ns"/>/<paramref name="name"/> (same namespace, or a ReferenceGrant);
    /// otherwise <c>ref to &lt;Kind&gt; &lt;ns&gt;/&lt;name&gt; not permitted by any ReferenceGrant</c>.
    /// </summary>
    public static string? CheckReferenceGrant(IFeatureContext context, string fromKind, string fromNamespace, string kind, string ns, string name) =>
        ns == fromNamespace || context.IsReferenceAllowed(PolicyGroup, fromKind, fromNamespace, string.Empty, kind, ns, name)
            ? null
            : $"ref to {kind} {ns}/{name} not permitted by any ReferenceGrant";

    /// <summary>The Secret, or null and <c>secret &lt;ns&gt;/&lt;name&gt; does not exist</c>.</summary>
    public static V1Secret? FindSecret(IFeatureContext context, string ns, string name, out string? error)
    {
        var secret = context.FindSecret(ns, name);
        error = secret is null ? $"secret {ns}/{name} does not exist" : null;
        return secret;
    }

    /// <summary>The ConfigMap, or null and <c>configmap &lt;ns&gt;/&lt;name&gt; does not exist</c>.</summary>
    public static V1ConfigMap? FindConfigMap(IFeatureContext context, string ns, string name, out string? error)
    {
        var configMap = context.FindConfigMap(ns, name);
        error = configMap is null ? $"configmap {ns}/{name} does not exist" : null;
        return configMap;
    }
}
