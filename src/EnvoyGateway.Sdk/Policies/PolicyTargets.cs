using System;
using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Policies.V1Alpha1;

/// <summary>
/// Shortcuts for Gateway API policy attachment on policy spec builders: <c>.TargetGateway("edge", sectionName: "https")</c>
/// adds the <c>targetRefs</c> entry <c>{group: gateway.networking.k8s.io, kind: Gateway, name: edge, sectionName: https}</c>,
/// exactly what the long form <c>.AddTargetRef(t => t.Group(...).Kind("Gateway").Name("edge").SectionName("https"))</c>
/// writes.
/// </summary>
/// <remarks>
/// Gateway and ListenerSet targets are available on every policy; route targets only on the policies that attach to
/// routes (<see cref="IRoutePolicyTargetBuilder{TBuilder}"/>). Kinds a policy does not accept are reported by its
/// <c>Validate()</c>.
/// </remarks>
public static class PolicyTargets
{
    /// <summary>The Gateway API group, <c>gateway.networking.k8s.io</c>, that every policy target belongs to.</summary>
    public const string GatewayApiGroup = "gateway.networking.k8s.io";

    /// <summary>Attaches the policy to a Gateway, or to one of its listeners.</summary>
    /// <typeparam name="TBuilder">The policy spec builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The Gateway name, in the policy's namespace.</param>
    /// <param name="sectionName">The listener name, or <see langword="null"/> for every listener.</param>
    /// <returns>The builder.</returns>
    public static TBuilder TargetGateway<TBuilder>(this TBuilder builder, string name, string? sectionName = null)
        where TBuilder : IPolicyTargetBuilder<TBuilder> => Target(builder, "Gateway", name, sectionName);

    /// <summary>Attaches the policy to a ListenerSet, or to one of its listeners.</summary>
    /// <typeparam name="TBuilder">The policy spec builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The ListenerSet name, in the policy's namespace.</param>
    /// <param name="sectionName">The listener name, or <see langword="null"/> for every listener.</param>
    /// <returns>The builder.</returns>
    public static TBuilder TargetListenerSet<TBuilder>(this TBuilder builder, string name, string? sectionName = null)
        where TBuilder : IPolicyTargetBuilder<TBuilder> => Target(builder, "ListenerSet", name, sectionName);

    /// <summary>Attaches the policy to an HTTPRoute, or to one of its named rules.</summary>
    /// <typeparam name="TBuilder">The policy spec builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The HTTPRoute name, in the policy's namespace.</param>
    /// <param name="sectionName">The rule name, or <see langword="null"/> for the whole route.</param>
    /// <returns>The builder.</returns>
    public static TBuilder TargetHTTPRoute<TBuilder>(this TBuilder builder, string name, string? sectionName = null)
        where TBuilder : IRoutePolicyTargetBuilder<TBuilder> => Target(builder, "HTTPRoute", name, sectionName);

    /// <summary>Attaches the policy to a GRPCRoute, or to one of its named rules.</summary>
    /// <typeparam name="TBuilder">The policy spec builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The GRPCRoute name, in the policy's namespace.</param>
    /// <param name="sectionName">The rule name, or <see langword="null"/> for the whole route.</param>
    /// <returns>The builder.</returns>
    public static TBuilder TargetGRPCRoute<TBuilder>(this TBuilder builder, string name, string? sectionName = null)
        where TBuilder : IRoutePolicyTargetBuilder<TBuilder> => Target(builder, "GRPCRoute", name, sectionName);

    /// <summary>Attaches the policy to a TCPRoute, or to one of its named rules.</summary>
    /// <typeparam name="TBuilder">The policy spec builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The TCPRoute name, in the policy's namespace.</param>
    /// <param name="sectionName">The rule name, or <see langword="null"/> for the whole route.</param>
    /// <returns>The builder.</returns>
    public static TBuilder TargetTCPRoute<TBuilder>(this TBuilder builder, string name, string? sectionName = null)
        where TBuilder : IRoutePolicyTargetBuilder<TBuilder> => Target(builder, "TCPRoute", name, sectionName);

    /// <summary>Attaches the policy to a UDPRoute, or to one of its named rules.</summary>
    /// <typeparam name="TBuilder">The policy spec builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The UDPRoute name, in the policy's namespace.</param>
    /// <param name="sectionName">The rule name, or <see langword="null"/> for the whole route.</param>
    /// <returns>The builder.</returns>
    public static TBuilder TargetUDPRoute<TBuilder>(this TBuilder builder, string name, string? sectionName = null)
        where TBuilder : IRoutePolicyTargetBuilder<TBuilder> => Target(builder, "UDPRoute", name, sectionName);

    /// <summary>Attaches the policy to a TLSRoute, or to one of its named rules.</summary>
    /// <typeparam name="TBuilder">The policy spec builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The TLSRoute name, in the policy's namespace.</param>
    /// <param name="sectionName">The rule name, or <see langword="null"/> for the whole route.</param>
    /// <returns>The builder.</returns>
    public static TBuilder TargetTLSRoute<TBuilder>(this TBuilder builder, string name, string? sectionName = null)
        where TBuilder : IRoutePolicyTargetBuilder<TBuilder> => Target(builder, "TLSRoute", name, sectionName);

    /// <summary>
    /// Attaches the policy to every resource of <paramref name="kind"/> that carries all of
    /// <paramref name="matchLabels"/> (a <c>targetSelectors</c> entry with <c>matchLabels</c>).
    /// </summary>
    /// <typeparam name="TBuilder">The policy spec builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="kind">The Gateway API kind to select, such as <c>HTTPRoute</c> or <c>Gateway</c>.</param>
    /// <param name="matchLabels">The labels, as <c>("app", "shop")</c> pairs, written in this order.</param>
    /// <returns>The builder.</returns>
    public static TBuilder TargetSelector<TBuilder>(this TBuilder builder, string kind, params (string Key, string Value)[] matchLabels)
        where TBuilder : IPolicyTargetBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(matchLabels);
        var labels = new List<KeyValuePair<string, string>>(matchLabels.Length);
        foreach (var (key, value) in matchLabels)
        {
            labels.Add(new KeyValuePair<string, string>(key, value));
        }

        return TargetSelector(builder, kind, labels);
    }

    /// <summary>
    /// Attaches the policy to every resource of <paramref name="kind"/> that carries all of
    /// <paramref name="matchLabels"/> (a <c>targetSelectors</c> entry with <c>matchLabels</c>).
    /// </summary>
    /// <typeparam name="TBuilder">The policy spec builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="kind">The Gateway API kind to select, such as <c>HTTPRoute</c> or <c>Gateway</c>.</param>
    /// <param name="matchLabels">The labels (copied, in enumeration order).</param>
    /// <returns>The builder.</returns>
    public static TBuilder TargetSelector<TBuilder>(this TBuilder builder, string kind, IEnumerable<KeyValuePair<string, string>> matchLabels)
        where TBuilder : IPolicyTargetBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(matchLabels);
        return builder.AddTargetSelector(GatewayApiGroup, kind, matchLabels);
    }

    private static TBuilder Target<TBuilder>(TBuilder builder, string kind, string name, string? sectionName)
        where TBuilder : IPolicyTargetBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.AddTargetRef(GatewayApiGroup, kind, name, sectionName);
    }
}
