namespace EnvoyGateway.Sdk.Translation;

/// <summary>Settings of a resolution, matching the Envoy Gateway deployment being modelled.</summary>
public sealed record PolicyResolverOptions
{
    /// <summary>The defaults: controller namespace <c>envoy-gateway-system</c>.</summary>
    public static PolicyResolverOptions Default { get; } = new();

    /// <summary>The namespace Envoy Gateway runs in (where it keeps generated secrets such as the OIDC HMAC secret).</summary>
    public string ControllerNamespace { get; init; } = "envoy-gateway-system";
}
