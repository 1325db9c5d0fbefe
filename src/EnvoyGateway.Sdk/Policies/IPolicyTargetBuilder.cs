using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Policies.V1Alpha1;

/// <summary>
/// A policy spec builder with Gateway API policy attachment (<c>targetRefs</c> of
/// <c>LocalPolicyTargetReferenceWithSectionName</c> and label <c>targetSelectors</c>). It gives the builder the
/// <see cref="PolicyTargets"/> shortcuts <c>TargetGateway</c>, <c>TargetListenerSet</c> and <c>TargetSelector</c>.
/// </summary>
/// <remarks>
/// The spec builders of <see cref="BackendTrafficPolicy"/>, <see cref="ClientTrafficPolicy"/> and
/// <see cref="SecurityPolicy"/> implement it. A builder generated from your own policy CRD can too: declare its
/// <c>partial</c> class with this interface and implement the two members with its generated adders.
/// </remarks>
/// <typeparam name="TBuilder">The builder type itself, so the shortcuts return it and the chain goes on.</typeparam>
public interface IPolicyTargetBuilder<TBuilder>
    where TBuilder : IPolicyTargetBuilder<TBuilder>
{
    /// <summary>Adds a <c>targetRefs</c> entry.</summary>
    /// <param name="group">The API group of the target.</param>
    /// <param name="kind">The kind of the target.</param>
    /// <param name="name">The name of the target, in the policy's namespace.</param>
    /// <param name="sectionName">The listener or rule to attach to, or <see langword="null"/> for the whole target.</param>
    /// <returns>The builder.</returns>
    TBuilder AddTargetRef(string group, string kind, string name, string? sectionName);

    /// <summary>Adds a <c>targetSelectors</c> entry that selects by labels.</summary>
    /// <param name="group">The API group of the selected resources.</param>
    /// <param name="kind">The kind of the selected resources.</param>
    /// <param name="matchLabels">The labels a resource must carry, all with exactly these values (copied, in order).</param>
    /// <returns>The builder.</returns>
    TBuilder AddTargetSelector(string group, string kind, IEnumerable<KeyValuePair<string, string>> matchLabels);
}

/// <summary>
/// A policy spec builder whose policy also attaches to routes. It adds the <see cref="PolicyTargets"/> shortcuts
/// <c>TargetHTTPRoute</c>, <c>TargetGRPCRoute</c>, <c>TargetTCPRoute</c>, <c>TargetUDPRoute</c> and
/// <c>TargetTLSRoute</c> to those of <see cref="IPolicyTargetBuilder{TBuilder}"/>.
/// </summary>
/// <remarks>
/// <see cref="BackendTrafficPolicy"/> accepts every route kind, <see cref="SecurityPolicy"/> HTTP, gRPC and TCP routes
/// only: its <c>Validate()</c> reports the others (the CRD's CEL rules).
/// </remarks>
/// <typeparam name="TBuilder">The builder type itself.</typeparam>
public interface IRoutePolicyTargetBuilder<TBuilder> : IPolicyTargetBuilder<TBuilder>
    where TBuilder : IRoutePolicyTargetBuilder<TBuilder>
{
}
