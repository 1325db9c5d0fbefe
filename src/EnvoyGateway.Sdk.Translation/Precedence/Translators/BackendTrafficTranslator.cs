using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>BackendTrafficPolicy specifics for the route-policy engine: feature building and merge keys.</summary>
internal sealed class BackendTrafficTranslator(ResourceGraph graph) : IPolicyTranslator
{
    public PolicyKind Kind => PolicyKind.BackendTrafficPolicy;

    public IReadOnlyDictionary<string, string> MergeKeys => Merging.MergeKeys.BackendTrafficPolicy;

    // BackendTrafficPolicies have no pre-translation validation: everything surfaces while building features.
    public string? ValidateRouteTarget(object model, RouteNode route) => null;

    public string? ValidateMerged(object model, RouteNode route) => null;

    public string? Translate(object model, string ownerNamespace, TranslationTarget target)
    {
        // after a merge, responseOverride ConfigMaps resolve where the field came from
        var responseOverrideNamespace = target.Merge?.OwnerOf("responseOverride");
        var errors = BackendTrafficFeatures.Build((BackendTrafficPolicy)model, graph, responseOverrideNamespace);
        return errors.Any ? errors.ToConditionMessage() : null;
    }

    public object FromJson(JsonObject json) => json.Deserialize<BackendTrafficPolicy>(ResourceSerializer.JsonOptions)!;
}
