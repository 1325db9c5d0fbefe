using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Cli.CSharp;

/// <summary>
/// Writes a <c>targetRefs</c> or <c>targetSelectors</c> item as a <see cref="PolicyTargets"/> shortcut
/// (<c>.TargetGateway("edge", sectionName: "https")</c>, <c>.TargetSelector("HTTPRoute", ("app", "shop"))</c>) when
/// the shortcut writes exactly that item: Gateway API group, a kind with a shortcut the builder accepts, and no other
/// fields. Anything else is left to the long form.
/// </summary>
internal static class PolicyTargetShortcuts
{
    private static readonly string[] RefFields = ["group", "kind", "name", "sectionName"];

    private static readonly string[] SelectorFields = ["group", "kind", "matchLabels"];

    /// <summary>The shortcut call for <paramref name="item"/> of the list <paramref name="wireName"/>, or <see langword="null"/>.</summary>
    public static string? TryWrite(Type builder, string wireName, object item)
    {
        if (!IsPolicyTargetBuilder(builder) || Fields(item) is not { } fields
            || !(fields.TryGetValue("group", out var group) && group as string == PolicyTargets.GatewayApiGroup)
            || fields.GetValueOrDefault("kind") is not string { Length: > 0 } kind)
        {
            return null;
        }

        switch (wireName)
        {
            case "targetRefs" when fields.Keys.All(RefFields.Contains) && fields.GetValueOrDefault("name") is string { Length: > 0 } name:
                var method = typeof(PolicyTargets).GetMethod("Target" + kind);
                if (method is null || !Accepts(method, builder))
                {
                    return null;
                }

                var section = fields.GetValueOrDefault("sectionName") is string sectionName ? ", sectionName: " + CSharpLiterals.String(sectionName) : string.Empty;
                return $".{method.Name}({CSharpLiterals.String(name)}{section})";
            case "targetSelectors" when fields.Keys.All(SelectorFields.Contains) && fields.GetValueOrDefault("matchLabels") is IDictionary<string, string> labels:
                var pairs = labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $", ({CSharpLiterals.String(l.Key)}, {CSharpLiterals.String(l.Value)})");
                return $".{nameof(PolicyTargets.TargetSelector)}({CSharpLiterals.String(kind)}{string.Concat(pairs)})";
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="wireName"/> attaches a policy built by <paramref name="builder"/>; those calls go first,
    /// as a person writes them (the call order does not change what is built).
    /// </summary>
    public static bool IsTargetField(Type builder, string wireName) =>
        wireName is "targetRef" or "targetRefs" or "targetSelectors" && IsPolicyTargetBuilder(builder);

    private static bool IsPolicyTargetBuilder(Type builder) =>
        builder.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPolicyTargetBuilder<>));

    // The shortcut's generic constraint (IRoutePolicyTargetBuilder<T> for route kinds) must hold for the builder.
    private static bool Accepts(MethodInfo shortcut, Type builder) =>
        shortcut.IsGenericMethodDefinition
        && shortcut.GetGenericArguments()[0].GetGenericParameterConstraints().All(constraint => constraint.IsGenericType
            ? builder.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == constraint.GetGenericTypeDefinition())
            : constraint.IsAssignableFrom(builder));

    // The item's set fields by wire name; null when it has fields the schema does not describe.
    private static Dictionary<string, object>? Fields(object item)
    {
        if (item.GetType().GetProperty("AdditionalProperties")?.GetValue(item) is IDictionary<string, JsonElement> { Count: > 0 })
        {
            return null;
        }

        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Any value counts, an empty list too: the shortcut could not write it.
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } wire && property.GetValue(item) is { } value)
            {
                fields[wire.Name] = value;
            }
        }

        return fields;
    }
}
