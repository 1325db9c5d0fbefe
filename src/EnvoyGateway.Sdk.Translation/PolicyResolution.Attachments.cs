using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EnvoyGateway.Sdk.Translation;

/// <content>Which policies target a scope, and what each does there.</content>
public sealed partial class PolicyResolution
{
    private AttachmentFinder? attachments;

    private AttachmentFinder Attachments => attachments ??= new AttachmentFinder(Graph, Outcomes);

    /// <summary>
    /// Every BackendTrafficPolicy and SecurityPolicy that targets a level of a route rule's chain (rule, route,
    /// listener, ListenerSet, Gateway), most specific level first, with the role each plays there.
    /// </summary>
    /// <param name="rule">The route rule.</param>
    /// <param name="listener">The listener; may be omitted when the route is attached to exactly one.</param>
    /// <returns>The attachments, by kind (BackendTrafficPolicy first), then level, then input order.</returns>
    /// <exception cref="KeyNotFoundException">The route, rule or listener does not exist.</exception>
    /// <exception cref="ArgumentException">The rule or listener is ambiguous.</exception>
    public ImmutableArray<PolicyAttachment> AttachmentsOf(RouteRuleRef rule, ListenerRef? listener = null) =>
        Attachments.ForRouteRule(rule ?? throw new ArgumentNullException(nameof(rule)), listener);

    /// <summary>Every policy of the three kinds that targets a listener, its ListenerSet or its Gateway, with its role there.</summary>
    /// <param name="listener">The listener.</param>
    /// <returns>The attachments, by kind (BackendTrafficPolicy, SecurityPolicy, ClientTrafficPolicy), then level.</returns>
    /// <exception cref="KeyNotFoundException">The listener does not exist.</exception>
    public ImmutableArray<PolicyAttachment> AttachmentsOf(ListenerRef listener) =>
        Attachments.ForListener(listener ?? throw new ArgumentNullException(nameof(listener)));

    /// <summary>The targets a policy won (the first policy to claim a target wins it), as Envoy Gateway's messages write them.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>Targets such as <c>apps/blog</c> or <c>infra/edge/admin</c>; empty when it won none.</returns>
    /// <exception cref="KeyNotFoundException">No such policy in the input.</exception>
    public ImmutableArray<string> ClaimedTargets(PolicyRef policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var node = Graph.Policies.Values.SelectMany(p => p).FirstOrDefault(p => p.KindName == policy.Kind && p.Namespace == policy.Namespace && p.Name == policy.Name)
            ?? throw new KeyNotFoundException($"No {policy} in the input.");
        return Attachments.ClaimedTargets(node);
    }
}
