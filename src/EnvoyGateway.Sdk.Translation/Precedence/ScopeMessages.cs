using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>The Overridden/Merged/Conflicted/TargetNotFound messages of the BTP/SP engine, worded as Envoy Gateway words them.</summary>
internal static class ScopeMessages
{
    private static readonly (ScopeKind Kind, string Label)[] Groups =
    [
        (ScopeKind.GatewayListener, "these gateway listeners"),
        (ScopeKind.ListenerSet, "these listenersets"),
        (ScopeKind.ListenerSetListener, "these listenerset listeners"),
        (ScopeKind.Route, "these routes"),
        (ScopeKind.RouteRule, "these route rules"),
    ];

    /// <summary><c>backendTrafficPolicies</c> / <c>securityPolicies</c>.</summary>
    public static string PluralCamel(PolicyKind kind) => kind == PolicyKind.BackendTrafficPolicy ? "backendTrafficPolicies" : "securityPolicies";

    public static string Scopes(IEnumerable<Scope> scopes)
    {
        var list = scopes.ToList();
        return string.Join(" and ", Groups
            .Select(g => (g.Label, Items: list.Where(s => s.Kind == g.Kind).Select(s => s.Display).Distinct().ToList()))
            .Where(g => g.Items.Count > 0)
            .Select(g => $"{g.Label}: {StatusMessages.SortedGoList(g.Items)}"));
    }

    public static string Overridden(PolicyKind kind, IEnumerable<Scope> scopes) =>
        $"This policy is being overridden by other {PluralCamel(kind)} for {Scopes(scopes)}";

    public static string Merged(PolicyKind kind, IEnumerable<Scope> scopes) =>
        $"This policy is being merged by other {PluralCamel(kind)} for {Scopes(scopes)}";

    public static string OverriddenByRules(PolicyKind kind, IEnumerable<string> rules) =>
        (kind == PolicyKind.BackendTrafficPolicy
            ? "This policy is being overridden by other backendTrafficPolicy for these route rules: "
            : "This policy is being overridden by other securityPolicies for these route rules: ") + StatusMessages.SortedGoList(rules);

    public static string Conflict(PolicyKind kind, string what) => $"Unable to target {what}, another {kind} has already attached to it";

    public static string MergedWith(PolicyNode parent) => $"Merged with policy {parent.Namespace}/{parent.Name}";
}
