using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>SecurityPolicy specifics for the route-policy engine: route validation, feature building, merge keys.</summary>
internal sealed class SecurityTranslator(ResourceGraph graph, PolicyOutcomes outcomes) : IPolicyTranslator
{
    public PolicyKind Kind => PolicyKind.SecurityPolicy;

    public IReadOnlyDictionary<string, string> MergeKeys => Merging.MergeKeys.SecurityPolicy;

    public string? ValidateRouteTarget(object model, RouteNode route) => SecurityPolicyFeatures.ValidateForRoute((SecurityPolicy)model, route.Kind);

    public string? ValidateMerged(object model, RouteNode route) => SecurityPolicyFeatures.ValidateForRouteBare((SecurityPolicy)model, route.Kind);

    public string? Translate(object model, string ownerNamespace, TranslationTarget target)
    {
        var isTcp = target.Route is { } route ? route.Kind == "TCPRoute" : target.Listeners.Count > 0 && target.Listeners.All(l => l.Protocol is "TCP" or "UDP");
        var securityTarget = new SecurityTarget(isTcp, target.Listeners.All(HasClientIpDetection), IsGatewayTarget: target.Route is null);
        var errors = SecurityPolicyFeatures.Build((SecurityPolicy)model, securityTarget, graph, out _, target.Merge is { } merge ? Owners(merge) : null);
        return errors.Any ? errors.ToConditionMessage() : null;
    }

    /// <summary>Who owns each field of a merged policy (referenced objects resolve in the owner's namespace).</summary>
    internal static SecurityFieldOwners Owners(MergeSources merge)
    {
        var contextExtensions = new Dictionary<string, string>();
        foreach (var (source, ns) in new[] { (merge.Parent, merge.Parent.Namespace), (merge.Route, merge.Route.Namespace) })
        {
            foreach (var extension in source.Json.Get("spec").Get("extAuth").Get("contextExtensions").Items())
            {
                if (((JsonElement?)extension).Get("name").String() is { } name)
                {
                    contextExtensions[name] = ns; // the route wins a name clash
                }
            }
        }

        return new SecurityFieldOwners
        {
            BasicAuth = merge.OwnerOf("basicAuth"),
            ApiKeyAuth = merge.OwnerOf("apiKeyAuth"),
            Authorization = merge.OwnerOf("authorization"),
            ExtAuth = merge.OwnerOf("extAuth"),
            ExtAuthBackendRefs = merge.OwnerOf("extAuth"),
            ExtAuthContextExtensions = contextExtensions,
            Oidc = merge.OwnerOf("oidc"),
            OidcProviderBackendRefs = merge.OwnerOf("oidc.provider"),
            OidcClientIdRef = merge.OwnerOf("oidc.clientIDRef"),
            OidcClientSecret = merge.OwnerOf("oidc.clientSecret"),
            Jwt = merge.OwnerOf("jwt"),
        };
    }

    public object FromJson(JsonObject json) => json.Deserialize<SecurityPolicy>(ResourceSerializer.JsonOptions)!;

    // ClientTrafficPolicies are resolved first, so the listener's client IP detection is known here.
    private bool HasClientIpDetection(ListenerNode listener) =>
        outcomes.ListenerPolicies.TryGetValue(listener, out var policy) && ((ClientTrafficPolicy)policy.Model).Spec?.ClientIPDetection is not null;
}
