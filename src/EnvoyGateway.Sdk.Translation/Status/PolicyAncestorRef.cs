namespace EnvoyGateway.Sdk.Translation.Status;

/// <summary>The object a policy status entry is reported against: a Gateway or ListenerSet, optionally one listener.</summary>
/// <param name="Group">API group, normally <c>gateway.networking.k8s.io</c>.</param>
/// <param name="Kind"><c>Gateway</c> or <c>ListenerSet</c>.</param>
/// <param name="Namespace">Namespace of the Gateway or ListenerSet.</param>
/// <param name="Name">Name of the Gateway or ListenerSet.</param>
/// <param name="SectionName">Listener name, or <see langword="null"/> for the whole object.</param>
public sealed record PolicyAncestorRef(string Group, string Kind, string Namespace, string Name, string? SectionName = null)
{
    /// <summary>The Gateway API group every ancestor of these policies belongs to.</summary>
    public const string GatewayApiGroup = "gateway.networking.k8s.io";

    /// <summary>A Gateway ancestor.</summary>
    /// <param name="namespace">Gateway namespace.</param>
    /// <param name="name">Gateway name.</param>
    /// <param name="sectionName">Listener name, if the status is about one listener.</param>
    /// <returns>The reference.</returns>
    public static PolicyAncestorRef Gateway(string @namespace, string name, string? sectionName = null) =>
        new(GatewayApiGroup, "Gateway", @namespace, name, sectionName);

    /// <summary>A ListenerSet ancestor.</summary>
    /// <param name="namespace">ListenerSet namespace.</param>
    /// <param name="name">ListenerSet name.</param>
    /// <param name="sectionName">Listener name, if the status is about one listener.</param>
    /// <returns>The reference.</returns>
    public static PolicyAncestorRef ListenerSet(string @namespace, string name, string? sectionName = null) =>
        new(GatewayApiGroup, "ListenerSet", @namespace, name, sectionName);

    /// <inheritdoc/>
    public override string ToString() =>
        SectionName is null ? $"{Kind} {Namespace}/{Name}" : $"{Kind} {Namespace}/{Name}/{SectionName}";
}
