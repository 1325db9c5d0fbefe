using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>One target of a policy after resolution: a selector hit or a plain ref (in the policy's namespace).</summary>
internal sealed record PolicyTarget(string Group, string Kind, string Namespace, string Name, string? SectionName);

/// <summary>A Gateway, ListenerSet or route that a selector may match.</summary>
internal sealed record SelectableObject(ObjectKey Key, IReadOnlyDictionary<string, string> Labels, InputOrder Order);

/// <summary>Composes a policy's targets for one pass (policy-attachment.md section 1.4).</summary>
internal static class TargetResolver
{
    private const string PolicyGroup = "gateway.envoyproxy.io";

    public static List<PolicyTarget> Compose(PolicyNode policy, IReadOnlyList<SelectableObject> candidates, ResourceGraph graph)
    {
        var hits = new List<(PolicyTarget Target, InputOrder Order)>();
        var seen = new HashSet<PolicyTarget>();
        foreach (var selector in policy.Selectors)
        {
            foreach (var candidate in candidates)
            {
                if (Matches(policy, selector, candidate, graph))
                {
                    var target = new PolicyTarget(candidate.Key.Group, candidate.Key.Kind, candidate.Key.Namespace, candidate.Key.Name, null);
                    if (seen.Add(target))
                    {
                        hits.Add((target, candidate.Order));
                    }
                }
            }
        }

        // stable: equal (or missing) timestamps keep discovery order
        var targets = hits.OrderBy(h => h.Order.CreationTimestamp ?? System.DateTime.MinValue).Select(h => h.Target).ToList();
        foreach (var plain in policy.PlainRefs)
        {
            var target = new PolicyTarget(plain.Group, plain.Kind, policy.Namespace, plain.Name, plain.SectionName);
            if (!seen.Contains(target))
            {
                targets.Add(target); // duplicate plain refs are kept: the second conflicts with the first
            }
        }

        return targets;
    }

    private static bool Matches(PolicyNode policy, PolicyTargetSelector selector, SelectableObject candidate, ResourceGraph graph)
    {
        if (candidate.Key.Kind != selector.Kind || candidate.Key.Group != selector.Group)
        {
            return false;
        }

        var namespaceAllowed = selector.NamespacesFrom switch
        {
            "All" => true,
            "Selector" => selector.NamespaceSelector is { } nsSelector
                && graph.NamespaceLabels.TryGetValue(candidate.Key.Namespace, out var nsLabels) && nsSelector.Matches(nsLabels),
            _ => candidate.Key.Namespace == policy.Namespace,
        };
        if (!namespaceAllowed || !selector.Labels.Matches(candidate.Labels))
        {
            return false;
        }

        return candidate.Key.Namespace == policy.Namespace
            || graph.ReferenceGrants.Exists(g => g.Namespace == candidate.Key.Namespace
                && g.Allows(PolicyGroup, policy.KindName, policy.Namespace, candidate.Key.Group, candidate.Key.Kind, candidate.Key.Name));
    }
}
