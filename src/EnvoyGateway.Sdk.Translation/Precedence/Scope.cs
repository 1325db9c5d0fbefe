namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>The attachment points of a policy, from the broadest to the most specific.</summary>
internal enum ScopeKind
{
    Gateway,
    GatewayListener,
    ListenerSet,
    ListenerSetListener,
    Route,
    RouteRule,
}

/// <summary>One attachment point: a Gateway, a Gateway listener, a ListenerSet (listener) or a route (rule).</summary>
/// <param name="Kind">The scope kind.</param>
/// <param name="Namespace">Namespace of the Gateway, ListenerSet or route.</param>
/// <param name="Name">Name of the Gateway, ListenerSet or route.</param>
/// <param name="Section">Listener or rule name, for the section scopes.</param>
/// <param name="RouteKind">The route kind, for route scopes (two route kinds may share a name).</param>
internal sealed record Scope(ScopeKind Kind, string Namespace, string Name, string? Section = null, string? RouteKind = null)
{
    public static Scope Gateway(string ns, string name) => new(ScopeKind.Gateway, ns, name);

    public static Scope GatewayListener(string ns, string name, string section) => new(ScopeKind.GatewayListener, ns, name, section);

    public static Scope ListenerSet(string ns, string name) => new(ScopeKind.ListenerSet, ns, name);

    public static Scope ListenerSetListener(string ns, string name, string section) => new(ScopeKind.ListenerSetListener, ns, name, section);

    public static Scope Route(string kind, string ns, string name) => new(ScopeKind.Route, ns, name, null, kind);

    /// <summary>How the scope appears in Overridden/Merged messages (routes without their kind).</summary>
    public string Display => Section is null ? $"{Namespace}/{Name}" : $"{Namespace}/{Name}/{Section}";
}
