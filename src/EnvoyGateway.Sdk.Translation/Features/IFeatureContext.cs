using k8s.Models;

namespace EnvoyGateway.Sdk.Translation.Features;

/// <summary>
/// What policy feature builders may look up while validating and translating a policy: the referenced core objects
/// of the input, and ReferenceGrant checks for cross-namespace references. Implemented by the resource graph.
/// </summary>
internal interface IFeatureContext
{
    /// <summary>Envoy Gateway's controller namespace (<c>envoy-gateway-system</c>), where generated secrets live.</summary>
    string ControllerNamespace { get; }

    /// <summary>The Service <paramref name="namespace"/>/<paramref name="name"/> of the input, or null.</summary>
    V1Service? FindService(string @namespace, string name);

    /// <summary>The Secret <paramref name="namespace"/>/<paramref name="name"/> of the input, or null.</summary>
    V1Secret? FindSecret(string @namespace, string name);

    /// <summary>The ConfigMap <paramref name="namespace"/>/<paramref name="name"/> of the input, or null.</summary>
    V1ConfigMap? FindConfigMap(string @namespace, string name);

    /// <summary>
    /// True when an object of <paramref name="fromKind"/> (group <paramref name="fromGroup"/>) in
    /// <paramref name="fromNamespace"/> may reference <paramref name="toKind"/> <paramref name="toNamespace"/>/<paramref name="toName"/>:
    /// always within one namespace, otherwise only with a matching ReferenceGrant in the target namespace.
    /// </summary>
    bool IsReferenceAllowed(string fromGroup, string fromKind, string fromNamespace, string toGroup, string toKind, string toNamespace, string toName);
}
