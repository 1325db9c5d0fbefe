using System.Collections.Generic;
using System.Globalization;
using EnvoyGateway.Sdk.Translation.Features.Security;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// The SecurityPolicy that applies to one route rule on one listener (after precedence and merging): the features
/// that built, whether the route must answer 500, and the clusters of the policy's external services.
/// </summary>
internal sealed class SecurityIr
{
    public SecurityIr(string policyNamespace, string policyName, string policyUid, SecurityBuildResult features)
    {
        Namespace = policyNamespace;
        Name = policyName;
        Uid = policyUid;
        Features = features;
    }

    /// <summary>Namespace of the policy owning the features (the route policy for a merged policy).</summary>
    public string Namespace { get; }

    public string Name { get; }

    public string Uid { get; }

    /// <summary><c>securitypolicy/&lt;ns&gt;/&lt;name&gt;</c>, the IR name of the policy's pieces.</summary>
    public string IrName => $"securitypolicy/{Namespace}/{Name}";

    public SecurityBuildResult Features { get; }

    /// <summary>The ext-auth service cluster <c>securitypolicy/&lt;ns&gt;/&lt;name&gt;/extauth/0</c>, when its backends resolved.</summary>
    public DestinationIr? ExtAuthDestination { get; set; }

    /// <summary>Remote JWKS clusters of providers with backendRefs, by provider index (<c>…/jwt/&lt;i&gt;</c>).</summary>
    public Dictionary<int, DestinationIr> JwksDestinations { get; } = new();

    /// <summary>The OIDC provider cluster of a provider with backendRefs (<c>…/oidc/0</c>).</summary>
    public DestinationIr? OidcDestination { get; set; }

    /// <summary>Why an external service backend could not be resolved (reported as warnings).</summary>
    public List<string> Problems { get; } = new();

    /// <summary>The cluster name of an external service of this policy: <c>securitypolicy/&lt;ns&gt;/&lt;name&gt;/&lt;kind&gt;/&lt;i&gt;</c>.</summary>
    public string ServiceCluster(string kind, int index) => string.Create(CultureInfo.InvariantCulture, $"{IrName}/{kind}/{index}");

    public override string ToString() => IrName;
}
