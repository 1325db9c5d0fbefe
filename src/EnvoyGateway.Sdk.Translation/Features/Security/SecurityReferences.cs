using System;
using System.Collections.Generic;
using System.Globalization;
using k8s.Models;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>A Secret reference of a SecurityPolicy (Gateway API <c>SecretObjectReference</c>).</summary>
internal sealed record SecretRef(string? Group, string? Kind, string Name, string? Namespace);

/// <summary>A backend reference of an external service (ExtAuth, OIDC provider, remote JWKS).</summary>
internal sealed record ExtServiceBackendRef(string? Group, string? Kind, string Name, string? Namespace, int? Port, int? Weight = null, bool? Fallback = null);

/// <summary>A validated backend reference: the future IR destination setting of the external service cluster.</summary>
internal sealed record ExtServiceDestination(string Kind, string Namespace, string Name, int? Port, int? Weight, bool Fallback);

/// <summary>
/// Envoy Gateway's reference checks used by the SecurityPolicy builders (<c>validateSecretRef</c>,
/// <c>validateExtServiceBackendReference</c>), with its exact wording.
/// </summary>
internal static class SecurityReferences
{
    public const string PolicyGroup = FeatureReferences.PolicyGroup;
    public const string PolicyKind = "SecurityPolicy";

    /// <summary>
    /// <c>validateSecretRef</c>: group/kind sanity, cross-namespace rule (ReferenceGrant when allowed), existence.
    /// </summary>
    public static V1Secret? ValidateSecretRef(bool allowCrossNamespace, string fromNamespace, SecretRef secretRef, IFeatureContext context, out string? error)
    {
        if (!string.IsNullOrEmpty(secretRef.Group))
        {
            error = "secret ref group must be unspecified/empty";
            return null;
        }

        var kind = secretRef.Kind ?? "Secret";
        if (kind != "Secret")
        {
            error = "secret ref kind must be Secret";
            return null;
        }

        if (secretRef.Namespace is { } ns && ns != fromNamespace)
        {
            if (!allowCrossNamespace)
            {
                error = "secret ref namespace must be unspecified/empty or " + fromNamespace;
                return null;
            }

            if (FeatureReferences.CheckReferenceGrant(context, PolicyKind, fromNamespace, kind, ns, secretRef.Name) is { } grantError)
            {
                error = grantError;
                return null;
            }
        }

        var secretNamespace = secretRef.Namespace ?? fromNamespace;
        return FeatureReferences.FindSecret(context, secretNamespace, secretRef.Name, out error);
    }

    /// <summary>The bytes of <paramref name="key"/> in a Secret (data, or stringData as the API server would merge it), or null.</summary>
    public static byte[]? SecretValue(V1Secret secret, string key)
    {
        if (secret.Data is { } data && data.TryGetValue(key, out var bytes) && bytes is not null)
        {
            return bytes;
        }

        if (secret.StringData is { } stringData && stringData.TryGetValue(key, out var text) && text is not null)
        {
            return System.Text.Encoding.UTF8.GetBytes(text);
        }

        return null;
    }

    /// <summary>All entries of a Secret (data merged with stringData; stringData wins like the API server).</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> SecretEntries(V1Secret secret)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (secret.Data is { } data)
        {
            foreach (var (k, v) in data)
            {
                result[k] = v ?? Array.Empty<byte>();
            }
        }

        if (secret.StringData is { } stringData)
        {
            foreach (var (k, v) in stringData)
            {
                result[k] = System.Text.Encoding.UTF8.GetBytes(v ?? string.Empty);
            }
        }

        return [.. result];
    }

    /// <summary>
    /// <c>translateExtServiceBackendRefs</c> + <c>validateExtServiceBackendReference</c> for every backend ref, stopping at
    /// the first error.
    /// </summary>
    public static IReadOnlyList<ExtServiceDestination>? ValidateExtServiceBackendRefs(IReadOnlyList<ExtServiceBackendRef> refs, string ownerNamespace, IFeatureContext context, out string? error)
    {
        if (refs.Count == 0)
        {
            error = "no backendRefs found for external service";
            return null;
        }

        var result = new List<ExtServiceDestination>(refs.Count);
        foreach (var backendRef in refs)
        {
            if (ValidateExtServiceBackendRef(backendRef, ownerNamespace, context) is { } refError)
            {
                error = refError;
                return null;
            }

            result.Add(new ExtServiceDestination(
                backendRef.Kind ?? "Service",
                string.IsNullOrEmpty(backendRef.Namespace) ? ownerNamespace : backendRef.Namespace,
                backendRef.Name,
                backendRef.Port,
                backendRef.Weight,
                backendRef.Fallback ?? false));
        }

        error = null;
        return result;
    }

    /// <summary><c>validateExtServiceBackendReference</c>: the error, or null when the reference is usable.</summary>
    public static string? ValidateExtServiceBackendRef(ExtServiceBackendRef backendRef, string ownerNamespace, IFeatureContext context)
    {
        if (!string.IsNullOrEmpty(backendRef.Group) && backendRef.Group != PolicyGroup)
        {
            return "group is invalid, only the core API group (specified by omitting the group field or setting it to an empty string) and " + PolicyGroup + " are supported";
        }

        if (backendRef.Kind is { } k && k != "Service" && k != "Backend")
        {
            return "kind is invalid, only Service (specified by omitting the kind field or setting it to 'Service') and Backend are supported";
        }

        var kind = backendRef.Kind ?? "Service";
        var targetNamespace = string.IsNullOrEmpty(backendRef.Namespace) ? ownerNamespace : backendRef.Namespace;
        if (kind == "Service")
        {
            if (backendRef.Port is not { } port)
            {
                return "a valid port number corresponding to a port on the Service must be specified";
            }

            var service = context.FindService(targetNamespace, backendRef.Name);
            if (service is null)
            {
                return $"service {targetNamespace}/{backendRef.Name} not found";
            }

            if (string.Equals(service.Spec?.Type, "ExternalName", StringComparison.Ordinal))
            {
                return $"Service {targetNamespace}/{backendRef.Name} is of type ExternalName, which is not supported as a backend; use an Envoy Gateway Backend resource with an FQDN endpoint instead";
            }

            var portFound = false;
            foreach (var servicePort in service.Spec?.Ports ?? [])
            {
                var protocol = string.IsNullOrEmpty(servicePort.Protocol) ? "TCP" : servicePort.Protocol;
                if (servicePort.Port == port && protocol == "TCP")
                {
                    portFound = true;
                    break;
                }
            }

            if (!portFound)
            {
                return string.Create(CultureInfo.InvariantCulture, $"TCP Port {port} not found in service {targetNamespace}/{backendRef.Name}");
            }
        }

        if (!string.IsNullOrEmpty(backendRef.Namespace) && backendRef.Namespace != ownerNamespace
            && !context.IsReferenceAllowed(PolicyGroup, PolicyKind, ownerNamespace, backendRef.Group ?? string.Empty, kind, backendRef.Namespace, backendRef.Name))
        {
            return $"backend ref to {kind} {backendRef.Namespace}/{backendRef.Name} not permitted by any ReferenceGrant";
        }

        return null;
    }
}
