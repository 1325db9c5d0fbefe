using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Policies.V1Alpha1;

// Connects the generated spec builders of the three policies to the target shortcuts (PolicyTargets): each adds
// targetRefs/targetSelectors items of its own generated types. ClientTrafficPolicy attaches to Gateways and
// ListenerSets only, so it gets no route shortcuts.

/// <content>Policy attachment shortcuts (<see cref="PolicyTargets"/>).</content>
public sealed partial class BackendTrafficPolicySpecBuilder : IRoutePolicyTargetBuilder<BackendTrafficPolicySpecBuilder>
{
    BackendTrafficPolicySpecBuilder IPolicyTargetBuilder<BackendTrafficPolicySpecBuilder>.AddTargetRef(string group, string kind, string name, string? sectionName) =>
        AddTargetRef(new BackendTrafficPolicySpecTargetRefsItem { Group = group, Kind = kind, Name = name, SectionName = sectionName });

    BackendTrafficPolicySpecBuilder IPolicyTargetBuilder<BackendTrafficPolicySpecBuilder>.AddTargetSelector(string group, string kind, IEnumerable<KeyValuePair<string, string>> matchLabels) =>
        AddTargetSelector(new BackendTrafficPolicySpecTargetSelectorsItem { Group = group, Kind = kind, MatchLabels = new Dictionary<string, string>(matchLabels) });
}

/// <content>Policy attachment shortcuts (<see cref="PolicyTargets"/>).</content>
public sealed partial class ClientTrafficPolicySpecBuilder : IPolicyTargetBuilder<ClientTrafficPolicySpecBuilder>
{
    ClientTrafficPolicySpecBuilder IPolicyTargetBuilder<ClientTrafficPolicySpecBuilder>.AddTargetRef(string group, string kind, string name, string? sectionName) =>
        AddTargetRef(new ClientTrafficPolicySpecTargetRefsItem { Group = group, Kind = kind, Name = name, SectionName = sectionName });

    ClientTrafficPolicySpecBuilder IPolicyTargetBuilder<ClientTrafficPolicySpecBuilder>.AddTargetSelector(string group, string kind, IEnumerable<KeyValuePair<string, string>> matchLabels) =>
        AddTargetSelector(new ClientTrafficPolicySpecTargetSelectorsItem { Group = group, Kind = kind, MatchLabels = new Dictionary<string, string>(matchLabels) });
}

/// <content>Policy attachment shortcuts (<see cref="PolicyTargets"/>).</content>
public sealed partial class SecurityPolicySpecBuilder : IRoutePolicyTargetBuilder<SecurityPolicySpecBuilder>
{
    SecurityPolicySpecBuilder IPolicyTargetBuilder<SecurityPolicySpecBuilder>.AddTargetRef(string group, string kind, string name, string? sectionName) =>
        AddTargetRef(new SecurityPolicySpecTargetRefsItem { Group = group, Kind = kind, Name = name, SectionName = sectionName });

    SecurityPolicySpecBuilder IPolicyTargetBuilder<SecurityPolicySpecBuilder>.AddTargetSelector(string group, string kind, IEnumerable<KeyValuePair<string, string>> matchLabels) =>
        AddTargetSelector(new SecurityPolicySpecTargetSelectorsItem { Group = group, Kind = kind, MatchLabels = new Dictionary<string, string>(matchLabels) });
}
