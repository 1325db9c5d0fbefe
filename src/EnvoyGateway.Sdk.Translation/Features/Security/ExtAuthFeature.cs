using System;
using System.Collections.Generic;
using System.Text;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>One context extension with its resolved value.</summary>
internal sealed record ContextExtensionIr(string Name, string Value);

/// <summary>IR of <c>spec.extAuth</c> (<c>ir.ExtAuth</c>).</summary>
internal sealed record ExtAuthIr(
    bool IsGrpc,
    IReadOnlyList<ExtServiceDestination> Destinations,
    string? HttpPath,
    string? HttpPathOverride,
    IReadOnlyList<string>? HeadersToBackend,
    IReadOnlyList<string>? HeadersToExtAuth,
    bool FailOpen,
    bool RecomputeRoute,
    bool IncludeRouteMetadata,
    int? MaxRequestBytes,
    int? StatusOnError,
    TimeSpan? Timeout,
    IReadOnlyList<ContextExtensionIr> ContextExtensions)
{
    /// <summary>The service's <c>backendSettings</c> (<c>http</c> or <c>grpc</c>), when set.</summary>
    public ExtServiceTrafficIr? Traffic { get; init; }
}

/// <summary><c>buildExtAuth</c>: gRPC or HTTP service, backendRef (deprecated) or backendRefs, context extensions.</summary>
internal static class ExtAuthFeature
{
    public static ExtAuthIr? Build(SecurityPolicySpecExtAuth extAuth, string ownerNamespace, string backendRefsNamespace, SecurityFieldOwners owners, IFeatureContext context, out string? error)
    {
        var http = extAuth.Http;
        var grpc = extAuth.Grpc;
        if (http is not null && grpc is not null)
        {
            error = "only one of grpc or http can be specified";
            return null;
        }

        if (http is null && grpc is null)
        {
            error = "one of grpc or http must be specified";
            return null;
        }

        error = NullValue(extAuth);
        if (error is not null)
        {
            return null;
        }

        List<ExtServiceBackendRef> refs = [];
        if (http is not null)
        {
            if (http.BackendRefs is { Count: > 0 } list)
            {
                foreach (var r in list)
                {
                    refs.Add(new ExtServiceBackendRef(r.Group, r.Kind, r.Name, r.Namespace, r.Port, r.Weight, r.Fallback));
                }
            }
            else if (http.BackendRef is { } r)
            {
                refs.Add(new ExtServiceBackendRef(r.Group, r.Kind, r.Name, r.Namespace, r.Port));
            }
            else
            {
                error = "http backend refs must be specified";
                return null;
            }
        }
        else
        {
            if (grpc!.BackendRefs is { Count: > 0 } list)
            {
                foreach (var r in list)
                {
                    refs.Add(new ExtServiceBackendRef(r.Group, r.Kind, r.Name, r.Namespace, r.Port, r.Weight, r.Fallback));
                }
            }
            else if (grpc.BackendRef is { } r)
            {
                refs.Add(new ExtServiceBackendRef(r.Group, r.Kind, r.Name, r.Namespace, r.Port));
            }
            else
            {
                error = "grpc backend refs must be specified";
                return null;
            }
        }

        var destinations = SecurityReferences.ValidateExtServiceBackendRefs(refs, backendRefsNamespace, context, out error);
        if (destinations is null)
        {
            return null;
        }

        var traffic = http is not null
            ? ExtServiceTraffic.Build(http.BackendSettings, "extAuth.http.backendSettings", context, out error)
            : ExtServiceTraffic.Build(grpc!.BackendSettings, "extAuth.grpc.backendSettings", context, out error);
        if (error is not null)
        {
            return null;
        }

        var extensions = new List<ContextExtensionIr>();
        foreach (var extension in extAuth.ContextExtensions ?? [])
        {
            var value = ResolveContextExtension(extension, owners.ContextExtension(extension.Name, ownerNamespace), context, out error);
            if (value is null)
            {
                return null;
            }

            extensions.Add(new ContextExtensionIr(extension.Name, value));
        }

        TimeSpan? timeout = extAuth.Timeout is { } t && t.TryGetTimeSpan(out var span) ? span : null;
        error = null;
        return new ExtAuthIr(
            grpc is not null,
            destinations,
            http?.Path,
            http?.PathOverride,
            http?.HeadersToBackend is { } hb ? [.. hb] : null,
            extAuth.HeadersToExtAuth is { } he ? [.. he] : null,
            extAuth.FailOpen ?? false,
            extAuth.RecomputeRoute ?? false,
            extAuth.IncludeRouteMetadata ?? false,
            extAuth.BodyToExtAuth?.MaxRequestBytes,
            extAuth.StatusOnError,
            timeout,
            extensions)
        {
            Traffic = traffic,
        };
    }

    /// <summary>The first <c>null</c> list item or missing required field, which only a file the API server would refuse can hold.</summary>
    private static string? NullValue(SecurityPolicySpecExtAuth extAuth)
    {
        string? error = null;
        if (extAuth.Http is { } http)
        {
            error = RequiredValues.FirstNullItemOrField(http.BackendRefs, "spec.extAuth.http.backendRefs", "name", r => r.Name)
                ?? (http.BackendRef is { Name: null } ? RequiredValues.Missing("spec.extAuth.http.backendRef.name") : null)
                ?? RequiredValues.FirstNullItem(http.HeadersToBackend, "spec.extAuth.http.headersToBackend");
        }

        if (extAuth.Grpc is { } grpc)
        {
            error ??= RequiredValues.FirstNullItemOrField(grpc.BackendRefs, "spec.extAuth.grpc.backendRefs", "name", r => r.Name)
                ?? (grpc.BackendRef is { Name: null } ? RequiredValues.Missing("spec.extAuth.grpc.backendRef.name") : null);
        }

        const string Extensions = "spec.extAuth.contextExtensions";
        error ??= RequiredValues.FirstNullItem(extAuth.HeadersToExtAuth, "spec.extAuth.headersToExtAuth")
            ?? RequiredValues.FirstNullItemOrField(extAuth.ContextExtensions, Extensions, "name", e => e.Name);
        for (var i = 0; error is null && i < (extAuth.ContextExtensions?.Count ?? 0); i++)
        {
            if (extAuth.ContextExtensions![i] is { Type.Value: "ValueRef", ValueRef: { } valueRef })
            {
                var path = RequiredValues.Item(Extensions, i) + ".valueRef.";
                error = valueRef.Kind is null ? RequiredValues.Missing(path + "kind")
                    : valueRef.Name is null ? RequiredValues.Missing(path + "name")
                    : valueRef.Key is null ? RequiredValues.Missing(path + "key")
                    : null;
            }
        }

        return error;
    }

    private static string? ResolveContextExtension(SecurityPolicySpecExtAuthContextExtensionsItem extension, string ownerNamespace, IFeatureContext context, out string? error)
    {
        error = null;
        if (extension.Type?.Value != "ValueRef")
        {
            return extension.Value ?? string.Empty;
        }

        var valueRef = extension.ValueRef;
        if (valueRef is null)
        {
            error = $"context extension {extension.Name}: valueRef must be set";
            return null;
        }

        switch (valueRef.Kind)
        {
            case "ConfigMap":
            {
                var configMap = context.FindConfigMap(ownerNamespace, valueRef.Name);
                if (configMap is null)
                {
                    error = $"context extension {extension.Name}: ConfigMap {ownerNamespace}/{valueRef.Name} not found";
                    return null;
                }

                if (configMap.Data is { } data && data.TryGetValue(valueRef.Key, out var text) && text is not null)
                {
                    return text;
                }

                error = $"context extension {extension.Name}: key {valueRef.Key} not found in ConfigMap {ownerNamespace}/{valueRef.Name}";
                return null;
            }

            case "Secret":
            {
                var secret = context.FindSecret(ownerNamespace, valueRef.Name);
                if (secret is null)
                {
                    error = $"context extension {extension.Name}: Secret {ownerNamespace}/{valueRef.Name} not found";
                    return null;
                }

                if (SecurityReferences.SecretValue(secret, valueRef.Key) is { } bytes)
                {
                    return Encoding.UTF8.GetString(bytes);
                }

                error = $"context extension {extension.Name}: key {valueRef.Key} not found in Secret {ownerNamespace}/{valueRef.Name}";
                return null;
            }

            default:
                error = $"context extension {extension.Name}: unsupported valueRef kind {valueRef.Kind}";
                return null;
        }
    }
}
