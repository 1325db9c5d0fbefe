using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>Reads any route kind into a <see cref="RouteNode"/>, resolving its managed parentRefs and attachments.</summary>
internal static class RouteReader
{
    public static RouteNode? Read(ResourceGraph graph, LoadedResource resource, string kind, int index)
    {
        var json = JsonSerializer.SerializeToElement(resource.Resource, resource.Resource.GetType(), ResourceSerializer.JsonOptions);
        var ns = resource.Namespace ?? "default";
        var spec = json.Get("spec");
        var rules = spec.Get("rules").Items().Select((r, i) => new RuleNode(i, ((JsonElement?)r).Get("name").String())).ToImmutableArray();
        var hostnames = spec.Get("hostnames").Items().Select(h => ((JsonElement?)h).String() ?? string.Empty).ToImmutableArray();
        var route = new RouteNode(kind, ns, resource.Name ?? string.Empty, resource.Resource, ResourceGraphBuilder.Order(resource, index),
            json.Get("metadata").Get("labels").StringMap(), hostnames, rules);

        var parents = new List<ParentRefNode>();
        foreach (var parentRef in spec.Get("parentRefs").Items())
        {
            JsonElement? p = parentRef;
            var group = p.Get("group").String() ?? ObjectKey.GatewayApiGroup;
            var parentKind = p.Get("kind").String() ?? "Gateway";
            var parentNs = p.Get("namespace").String() ?? ns;
            var name = p.Get("name").String() ?? string.Empty;
            var section = p.Get("sectionName").String();
            var port = p.Get("port").Int();
            if (group != ObjectKey.GatewayApiGroup)
            {
                continue;
            }

            if (parentKind == "Gateway" && graph.FindGateway(parentNs, name) is { } gateway)
            {
                parents.Add(new ParentRefNode(parentKind, parentNs, name, section, port, gateway, null,
                    RouteAttachment.Accepted(graph, route, gateway.Listeners, section, port)));
            }
            else if (parentKind == "ListenerSet" && graph.FindListenerSet(parentNs, name) is { } set)
            {
                parents.Add(new ParentRefNode(parentKind, parentNs, name, section, port, set.Parent, set,
                    RouteAttachment.Accepted(graph, route, set.Listeners, section, port)));
            }
        }

        route.ParentRefs = parents.ToImmutableArray();
        return route;
    }
}
