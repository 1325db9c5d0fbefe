using System;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>The deprecation warning of each policy kind (policy-attachment.md section 6.6).</summary>
internal static class DeprecatedFields
{
    private static readonly (PolicyKind Kind, string Field, string Replacement, Func<JsonElement, bool> InUse)[] Fields =
    [
        (PolicyKind.BackendTrafficPolicy, "spec.targetRef", "spec.targetRefs", Present),
        (PolicyKind.BackendTrafficPolicy, "spec.compression", "spec.compressor", v => v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0),
        (PolicyKind.ClientTrafficPolicy, "spec.enableProxyProtocol", "spec.proxyProtocol", Present),
        (PolicyKind.ClientTrafficPolicy, "spec.headers.preserveXRequestID", "spec.headers.requestID", Present),
        (PolicyKind.ClientTrafficPolicy, "spec.targetRef", "spec.targetRefs", Present),
        (PolicyKind.ClientTrafficPolicy, "spec.tls.clientValidation.optional", "spec.tls.clientValidation.mode", v => v.ValueKind == JsonValueKind.True),
        (PolicyKind.SecurityPolicy, "spec.targetRef", "spec.targetRefs", Present),
        (PolicyKind.SecurityPolicy, "spec.extAuth.grpc.backendRef", "spec.extAuth.grpc.backendRefs", Present),
        (PolicyKind.SecurityPolicy, "spec.extAuth.http.backendRef", "spec.extAuth.http.backendRefs", Present),
    ];

    /// <summary>The warning message, or null when the policy uses no deprecated field.</summary>
    public static string? Warning(PolicyNode policy)
    {
        var used = Fields
            .Where(f => f.Kind == policy.Kind && Lookup(policy.Json, f.Field) is { } value && f.InUse(value))
            .OrderBy(f => f.Field, StringComparer.Ordinal)
            .Select(f => $"{f.Field} is deprecated, use {f.Replacement} instead")
            .ToList();
        return used.Count == 0 ? null : string.Join("; ", used);
    }

    private static bool Present(JsonElement value) => value.ValueKind != JsonValueKind.Null;

    private static JsonElement? Lookup(JsonElement root, string path)
    {
        JsonElement? current = root;
        foreach (var part in path.Split('.'))
        {
            current = current.Get(part);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
