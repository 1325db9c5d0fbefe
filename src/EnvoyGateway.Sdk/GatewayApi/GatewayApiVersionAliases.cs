using System.Runtime.CompilerServices;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.GatewayApi;

/// <summary>
/// Gateway API v1.6.1 still serves <c>v1beta1</c> of GatewayClass, Gateway, HTTPRoute and ReferenceGrant with the same
/// schema as <c>v1</c>; documents of those versions load into the <c>v1</c> models (keeping their own apiVersion).
/// </summary>
internal static class GatewayApiVersionAliases
{
    private const string V1Beta1 = "gateway.networking.k8s.io/v1beta1";

#pragma warning disable CA2255 // registration must happen before any document is loaded
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        ResourceKinds.RegisterAlias(V1Beta1, typeof(V1.GatewayClass));
        ResourceKinds.RegisterAlias(V1Beta1, typeof(V1.Gateway));
        ResourceKinds.RegisterAlias(V1Beta1, typeof(V1.HTTPRoute));
        ResourceKinds.RegisterAlias(V1Beta1, typeof(V1.ReferenceGrant));
    }
}
