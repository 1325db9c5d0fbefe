using System.Runtime.CompilerServices;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Validation;

namespace EnvoyGateway.Sdk.GatewayApi;

/// <summary>
/// Gateway API v1.6.1 still serves <c>v1beta1</c> of GatewayClass, Gateway, HTTPRoute and ReferenceGrant with the same
/// schema as <c>v1</c>; documents of those versions load into the <c>v1</c> models (keeping their own apiVersion) and
/// validate against the <c>v1</c> schema that the generator compiled in.
/// </summary>
internal static class GatewayApiVersionAliases
{
    private const string V1Beta1 = "gateway.networking.k8s.io/v1beta1";

#pragma warning disable CA2255 // registration must happen before any document is loaded
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        Alias(typeof(V1.GatewayClass), V1.GatewayClass.KubeKind);
        Alias(typeof(V1.Gateway), V1.Gateway.KubeKind);
        Alias(typeof(V1.HTTPRoute), V1.HTTPRoute.KubeKind);
        Alias(typeof(V1.ReferenceGrant), V1.ReferenceGrant.KubeKind);
    }

    private static void Alias(System.Type model, string kind)
    {
        ResourceKinds.RegisterAlias(V1Beta1, model);
        SchemaRegistry.RegisterAlias(V1Beta1, kind, model);
    }
}
