namespace EnvoyGateway.Sdk.Translation;

/// <summary>Identifies a policy of the input.</summary>
/// <param name="Kind"><c>BackendTrafficPolicy</c>, <c>ClientTrafficPolicy</c> or <c>SecurityPolicy</c>.</param>
/// <param name="Namespace">The policy's namespace.</param>
/// <param name="Name">The policy's name.</param>
public sealed record PolicyRef(string Kind, string Namespace, string Name)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}

/// <summary>Where a policy is attached, from the broadest to the most specific.</summary>
public enum AttachmentLevel
{
    /// <summary>A whole Gateway.</summary>
    Gateway,

    /// <summary>One listener of a Gateway (<c>sectionName</c>).</summary>
    GatewayListener,

    /// <summary>A whole ListenerSet.</summary>
    ListenerSet,

    /// <summary>One listener of a ListenerSet.</summary>
    ListenerSetListener,

    /// <summary>A whole route.</summary>
    Route,

    /// <summary>One rule of a route (<c>sectionName</c> = rule name).</summary>
    RouteRule,
}

/// <summary>A rule of a route: the route kind, namespace, name, and the rule's name or zero-based index.</summary>
/// <param name="Kind"><c>HTTPRoute</c>, <c>GRPCRoute</c>, <c>TLSRoute</c>, <c>TCPRoute</c> or <c>UDPRoute</c>.</param>
/// <param name="Namespace">The route's namespace.</param>
/// <param name="Name">The route's name.</param>
/// <param name="Rule">The rule's <c>name</c>, or its index as text (<c>"0"</c>); null for a route with one rule.</param>
public sealed record RouteRuleRef(string Kind, string Namespace, string Name, string? Rule = null)
{
    /// <summary>A rule of an HTTPRoute.</summary>
    /// <param name="namespace">The route's namespace.</param>
    /// <param name="name">The route's name.</param>
    /// <param name="rule">Rule name or index; null for a single-rule route.</param>
    /// <returns>The reference.</returns>
    public static RouteRuleRef HttpRoute(string @namespace, string name, string? rule = null) => new("HTTPRoute", @namespace, name, rule);

    /// <inheritdoc/>
    public override string ToString() => Rule is null ? $"{Kind} {Namespace}/{Name}" : $"{Kind} {Namespace}/{Name} rule {Rule}";
}

/// <summary>A listener: of a Gateway, or of a ListenerSet attached to it.</summary>
/// <param name="GatewayNamespace">The Gateway's namespace.</param>
/// <param name="GatewayName">The Gateway's name.</param>
/// <param name="Name">The listener's name.</param>
/// <param name="ListenerSetNamespace">The ListenerSet's namespace, for a ListenerSet listener.</param>
/// <param name="ListenerSetName">The ListenerSet's name, for a ListenerSet listener.</param>
public sealed record ListenerRef(string GatewayNamespace, string GatewayName, string Name, string? ListenerSetNamespace = null, string? ListenerSetName = null)
{
    /// <inheritdoc/>
    public override string ToString() => ListenerSetName is null
        ? $"{GatewayNamespace}/{GatewayName}/{Name}"
        : $"{GatewayNamespace}/{GatewayName}/{ListenerSetNamespace}/{ListenerSetName}/{Name}";
}
