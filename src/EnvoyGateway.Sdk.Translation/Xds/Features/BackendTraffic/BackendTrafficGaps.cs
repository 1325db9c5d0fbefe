using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// The translation warnings of BackendTrafficPolicy features: what the compiled Envoy API cannot express (named after
/// the <see cref="EnvoyApiGaps"/> entry) and what is not translated. Reported once per policy and gap.
/// </summary>
internal static class BackendTrafficGaps
{
    /// <summary>Every BackendTrafficPolicy feature set that applies to a route or destination of <paramref name="gateway"/>.</summary>
    public static IEnumerable<BackendTrafficFeatureSet> PolicySets(GatewayIr gateway) =>
        gateway.HttpListeners.SelectMany(l => l.Routes).Select(r => r.Traffic)
            .Concat(gateway.TcpListeners.SelectMany(l => l.Routes).Select(r => r.Traffic))
            .Concat(gateway.UdpListeners.Select(l => l.Route?.Traffic))
            .OfType<BackendTrafficFeatureSet>()
            .Distinct();

    /// <summary>Every route destination (cluster) of <paramref name="gateway"/>, once each, in route order.</summary>
    public static IEnumerable<DestinationIr> Destinations(GatewayIr gateway) =>
        gateway.HttpListeners.SelectMany(l => l.Routes).Select(r => r.Destination)
            .Concat(gateway.TcpListeners.SelectMany(l => l.Routes).Select(r => r.Destination))
            .Concat(gateway.UdpListeners.Select(l => l.Route?.Destination))
            .OfType<DestinationIr>()
            .Distinct();

    /// <summary>A warning of a feature that is not tied to one policy (e.g. an FQDN backend's DNS cluster); reported once.</summary>
    public static void Warn(GatewayIr gateway, string warning) => Add(gateway, warning);

    /// <summary>A field missing from the compiled API: <c>message.field</c> is not emitted for <paramref name="policyField"/>.</summary>
    public static void MissingField(GatewayIr gateway, BackendTrafficFeatureSet traffic, string message, string field, string policyField) =>
        Add(gateway, $"{Describe(traffic)}: {policyField} needs {Name(message, field)}, which the compiled Envoy API lacks; not emitted.");

    /// <summary>An extension message missing from the compiled API, emitted as a TypedStruct instead.</summary>
    public static void MissingMessage(GatewayIr gateway, BackendTrafficFeatureSet traffic, string message, string policyField) =>
        Add(gateway, $"{Describe(traffic)}: {policyField} needs {Name(message, null)}, which the compiled Envoy API lacks; emitted as xds.type.v3.TypedStruct.");

    /// <summary>A policy field this translator does not express in xDS.</summary>
    public static void NotTranslated(GatewayIr gateway, BackendTrafficFeatureSet traffic, string policyField, string why) =>
        Add(gateway, $"{Describe(traffic)}: {policyField} is not translated ({why}).");

    private static string Name(string message, string? field) => EnvoyApiGaps.Find(message, field)?.Name ?? (field is null ? message : message + "." + field);

    private static string Describe(BackendTrafficFeatureSet traffic) => traffic.Policy.Length == 0 ? "BackendTrafficPolicy" : traffic.Policy;

    private static void Add(GatewayIr gateway, string warning)
    {
        if (!gateway.Warnings.Contains(warning))
        {
            gateway.Warnings.Add(warning);
        }
    }
}
