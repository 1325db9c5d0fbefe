using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Cli.Output;

/// <summary>A policy as the CLI prints it: the full object with <c>status.ancestors</c> as Envoy Gateway would write it.</summary>
internal static class StatusDocument
{
    public static JsonObject Create(PolicyStatusReport report)
    {
        var document = (JsonObject)JsonNode.Parse(ResourceSerializer.ToJson(report.Resource, indented: false))!;
        document["status"] = new JsonObject
        {
            ["ancestors"] = new JsonArray(report.Ancestors.Select(Ancestor).ToArray<JsonNode?>()),
        };
        return document;
    }

    private static JsonObject Ancestor(PolicyAncestorStatus ancestor)
    {
        var reference = new JsonObject
        {
            ["group"] = ancestor.AncestorRef.Group,
            ["kind"] = ancestor.AncestorRef.Kind,
            ["name"] = ancestor.AncestorRef.Name,
            ["namespace"] = ancestor.AncestorRef.Namespace,
        };
        if (ancestor.AncestorRef.SectionName is { } section)
        {
            reference["sectionName"] = section;
        }

        return new JsonObject
        {
            ["ancestorRef"] = reference,
            ["controllerName"] = ancestor.ControllerName,
            ["conditions"] = new JsonArray(ancestor.Conditions.Select(Condition).ToArray<JsonNode?>()),
        };
    }

    private static JsonObject Condition(PolicyCondition condition)
    {
        var node = new JsonObject
        {
            ["type"] = condition.Type,
            ["status"] = condition.Status,
            ["reason"] = condition.Reason,
            ["message"] = condition.Message,
        };
        if (condition.ObservedGeneration is { } generation)
        {
            node["observedGeneration"] = generation;
        }

        return node;
    }
}
