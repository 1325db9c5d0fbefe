using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>What the SecurityPolicy features share: the policies of a Gateway or an HCM, warnings, and gap messages.</summary>
internal static class SecurityPolicies
{
    /// <summary>Every distinct SecurityPolicy applied to a route of <paramref name="gateway"/>, in route order.</summary>
    public static IEnumerable<SecurityIr> Of(GatewayIr gateway) =>
        gateway.HttpListeners.SelectMany(l => l.Routes).Select(r => r.Security)
            .Concat(gateway.TcpListeners.SelectMany(l => l.Routes).Select(r => r.Security))
            .OfType<SecurityIr>().Distinct();

    /// <summary>Every distinct SecurityPolicy of <paramref name="routes"/> (the routes of one HCM), in route order.</summary>
    public static IEnumerable<SecurityIr> Of(IEnumerable<HttpRouteIr> routes) => routes.Select(r => r.Security).OfType<SecurityIr>().Distinct();

    /// <summary>Adds <paramref name="warning"/> to the Gateway's warnings once.</summary>
    public static void Warn(GatewayIr gateway, string warning)
    {
        if (!gateway.Warnings.Contains(warning))
        {
            gateway.Warnings.Add(warning);
        }
    }

    /// <summary>The warning for a message missing from the compiled Envoy API, emitted as a TypedStruct.</summary>
    public static string PackedAsTypedStruct(SecurityIr policy, string message, string policyField) =>
        $"SecurityPolicy {policy.Namespace}/{policy.Name} {policyField}: {Gap(message, null)} is not in the compiled Envoy API; emitted as xds.type.v3.TypedStruct.";

    /// <summary>The warning for a field missing from the compiled Envoy API, not emitted.</summary>
    public static string FieldNotEmitted(SecurityIr policy, string message, string field, string policyField) =>
        $"SecurityPolicy {policy.Namespace}/{policy.Name} {policyField}: {Gap(message, field)} is not in the compiled Envoy API; not emitted.";

    /// <summary>The warning for a policy field that cannot be expressed at all.</summary>
    public static string NotTranslated(SecurityIr policy, string policyField, string reason) =>
        $"SecurityPolicy {policy.Namespace}/{policy.Name} {policyField}: not translated ({reason}).";

    // Names the catalogue entry when there is one, so warnings and EnvoyApiGaps agree.
    private static string Gap(string message, string? field) => EnvoyApiGaps.Find(message, field)?.Name ?? (field is null ? message : $"{message}.{field}");
}
