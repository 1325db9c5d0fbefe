using System.Collections.Generic;
using System.Linq;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>
/// Parent → child edges between scopes (one graph for overrides, one for merges), plus a containment index used only
/// to walk from a Gateway or ListenerSet into the listener scopes below it (policy-attachment.md section 4.1).
/// </summary>
internal sealed class ScopeGraph
{
    // insertion-ordered sets: membership checks must stay O(1) with thousands of routes under one Gateway
    private readonly Dictionary<Scope, OrderedSet> children = new();
    private readonly Dictionary<Scope, OrderedSet> indexed = new();

    public void AddEdge(Scope parent, Scope child) => AddUnique(children, parent, child);

    public void Index(Scope parent, Scope contained) => AddUnique(indexed, parent, contained);

    public IReadOnlyList<Scope> Children(Scope scope) => children.TryGetValue(scope, out var set) ? set.Items : [];

    /// <summary>Every scope below <paramref name="scope"/> that a more specific policy claimed.</summary>
    public HashSet<Scope> Descendants(Scope scope)
    {
        var result = new HashSet<Scope>(Children(scope));
        switch (scope.Kind)
        {
            case ScopeKind.Gateway:
                foreach (var below in Indexed(scope))
                {
                    result.UnionWith(Children(below));
                    if (below.Kind == ScopeKind.ListenerSet)
                    {
                        foreach (var listener in Indexed(below))
                        {
                            result.UnionWith(Children(listener));
                        }
                    }
                }

                break;
            case ScopeKind.ListenerSet:
                foreach (var listener in Indexed(scope))
                {
                    result.UnionWith(Children(listener));
                }

                break;
            case ScopeKind.GatewayListener:
                // routes attached to the whole Gateway pass through every one of its listeners
                result.UnionWith(Children(Scope.Gateway(scope.Namespace, scope.Name)).Where(c => c.Kind == ScopeKind.Route));
                break;
            case ScopeKind.ListenerSetListener:
                result.UnionWith(Children(Scope.ListenerSet(scope.Namespace, scope.Name)).Where(c => c.Kind == ScopeKind.Route));
                break;
        }

        return result;
    }

    private List<Scope> Indexed(Scope scope) => indexed.TryGetValue(scope, out var set) ? set.Items : [];

    private static void AddUnique(Dictionary<Scope, OrderedSet> map, Scope key, Scope value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new OrderedSet();
        }

        set.Add(value);
    }

    private sealed class OrderedSet
    {
        private readonly HashSet<Scope> members = new();

        public List<Scope> Items { get; } = new();

        public void Add(Scope scope)
        {
            if (members.Add(scope))
            {
                Items.Add(scope);
            }
        }
    }
}
