using System.Collections.Generic;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>What the translation of a policy for one target needs to know about that target.</summary>
/// <param name="Route">The route, for route and rule targets.</param>
/// <param name="Listeners">The listeners in scope (for listener-dependent checks).</param>
/// <param name="Merge">For a merged policy: the route policy and the parent it merged into (field owners).</param>
internal sealed record TranslationTarget(RouteNode? Route, IReadOnlyList<ListenerNode> Listeners, MergeSources? Merge = null);

/// <summary>The two policies behind a merged policy; referenced objects resolve in the namespace of the field's owner.</summary>
internal sealed record MergeSources(PolicyNode Route, PolicyNode Parent)
{
    /// <summary>The route policy's namespace when it sets the field at <paramref name="path"/> (dotted, under spec), else the parent's.</summary>
    public string OwnerOf(string path)
    {
        System.Text.Json.JsonElement? node = Route.Json.Get("spec");
        foreach (var part in path.Split('.'))
        {
            node = node.Get(part);
        }

        return node is null ? Parent.Namespace : Route.Namespace;
    }
}

/// <summary>
/// The kind-specific part of the BackendTrafficPolicy/SecurityPolicy engine: feature building (for the Invalid
/// condition), validation and merge metadata.
/// </summary>
internal interface IPolicyTranslator
{
    PolicyKind Kind { get; }

    /// <summary>Lists merged item by item under StrategicMerge (path → key).</summary>
    IReadOnlyDictionary<string, string> MergeKeys { get; }

    /// <summary>Pre-translation validation of a route/rule target; the full condition message, or null.</summary>
    string? ValidateRouteTarget(object model, RouteNode route);

    /// <summary>Validation of a merged policy for a route; the bare error, or null.</summary>
    string? ValidateMerged(object model, RouteNode route);

    /// <summary>Builds every feature; the normalized Invalid message, or null when everything built.</summary>
    /// <param name="model">The policy (possibly merged).</param>
    /// <param name="ownerNamespace">Namespace in which the policy's references resolve.</param>
    /// <param name="target">The target being translated.</param>
    string? Translate(object model, string ownerNamespace, TranslationTarget target);

    /// <summary>Reads a merged JSON object back into the typed model.</summary>
    object FromJson(JsonObject json);
}
