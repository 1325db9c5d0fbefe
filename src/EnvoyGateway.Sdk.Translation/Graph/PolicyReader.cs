using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>Reads the targeting fields shared by the three policy kinds.</summary>
internal static class PolicyReader
{
    public static PolicyNode? Read(LoadedResource resource, int index)
    {
        PolicyKind? kind = resource.Resource switch
        {
            BackendTrafficPolicy => PolicyKind.BackendTrafficPolicy,
            ClientTrafficPolicy => PolicyKind.ClientTrafficPolicy,
            SecurityPolicy => PolicyKind.SecurityPolicy,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var json = JsonSerializer.SerializeToElement(resource.Resource, resource.Resource.GetType(), ResourceSerializer.JsonOptions);
        var spec = json.Get("spec");
        var targetRef = spec.Get("targetRef") is { } single ? Ref(single) : null;
        var targetRefs = spec.Get("targetRefs").Items().Select(Ref).ToImmutableArray();
        var selectors = spec.Get("targetSelectors").Items().Select(Selector).ToImmutableArray();
        var generation = json.Get("metadata").Get("generation") is { ValueKind: JsonValueKind.Number } g && g.TryGetInt64(out var value) ? value : (long?)null;
        return new PolicyNode(kind.Value, resource.Resource, json, resource.Namespace ?? "default", resource.Name ?? string.Empty, generation,
            ResourceGraphBuilder.Order(resource, index), targetRef, targetRefs, selectors, spec.Get("mergeType").String());
    }

    private static PolicyTargetRef Ref(JsonElement element)
    {
        JsonElement? e = element;
        return new PolicyTargetRef(e.Get("group").String() ?? string.Empty, e.Get("kind").String() ?? string.Empty, e.Get("name").String() ?? string.Empty,
            e.Get("sectionName").String());
    }

    private static PolicyTargetSelector Selector(JsonElement element)
    {
        JsonElement? e = element;
        var namespaces = e.Get("namespaces");
        var nsSelector = namespaces.Get("selector");
        return new PolicyTargetSelector(
            e.Get("group").String() ?? ObjectKey.GatewayApiGroup,
            e.Get("kind").String() ?? string.Empty,
            namespaces.Get("from").String() ?? "Same",
            nsSelector is null ? null : LabelSelectorOf(nsSelector),
            LabelSelectorOf(e) ?? new LabelSelector(null, null));
    }

    private static LabelSelector? LabelSelectorOf(JsonElement? element)
    {
        var labels = element.Get("matchLabels");
        var expressions = element.Get("matchExpressions");
        if (labels is null && expressions is null)
        {
            return null;
        }

        return new LabelSelector(labels.StringMap(), expressions.Items().Select(x =>
        {
            JsonElement? r = x;
            return new LabelRequirement(r.Get("key").String() ?? string.Empty, r.Get("operator").String() ?? string.Empty,
                r.Get("values").Items().Select(v => ((JsonElement?)v).String() ?? string.Empty).ToImmutableArray());
        }));
    }
}
