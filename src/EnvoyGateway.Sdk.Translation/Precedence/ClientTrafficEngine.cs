using System;
using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Graph;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>
/// Envoy Gateway's ClientTrafficPolicy precedence: listener sections first, then whole ListenerSets, then whole
/// Gateways; claims kept per parent Gateway; Overridden written before translation (policy-attachment.md 2.4, 3.3, 4.4, 8.4).
/// </summary>
internal sealed class ClientTrafficEngine
{
    private const string EntireGateway = "/entireGatewayScope";
    private const string Http3Suffix = " because Envoy does not support downstream client TLS validation over QUIC";

    private readonly ResourceGraph graph;
    private readonly IListenerPolicyTranslator translator;
    private readonly PolicyOutcomes outcomes;
    private readonly Dictionary<GatewayNode, List<string>> sectionClaims = new();
    private readonly Dictionary<GatewayNode, HashSet<string>> wholeClaims = new();

    public ClientTrafficEngine(ResourceGraph graph, IListenerPolicyTranslator translator, PolicyOutcomes outcomes)
    {
        this.graph = graph;
        this.translator = translator;
        this.outcomes = outcomes;
    }

    public void Run()
    {
        var policies = graph.Policies[PolicyKind.ClientTrafficPolicy];
        var candidates = graph.Gateways.Select(g => new SelectableObject(g.Key, g.Labels, g.Order))
            .Concat(graph.ListenerSets.Select(l => new SelectableObject(l.Key, l.Labels, l.Order))).ToList();

        foreach (var policy in policies)
        {
            foreach (var target in TargetResolver.Compose(policy, [], graph).Where(t => t.SectionName is not null && t.Kind is "Gateway" or "ListenerSet"))
            {
                outcomes.MarkSeen(policy);
                ProcessSection(policy, target);
            }
        }

        foreach (var wholeKind in new[] { "ListenerSet", "Gateway" })
        {
            foreach (var policy in policies)
            {
                foreach (var target in TargetResolver.Compose(policy, candidates, graph).Where(t => t.SectionName is null && t.Kind == wholeKind))
                {
                    outcomes.MarkSeen(policy);
                    if (wholeKind == "Gateway")
                    {
                        ProcessWholeGateway(policy, target);
                    }
                    else
                    {
                        ProcessWholeListenerSet(policy, target);
                    }
                }
            }
        }
    }

    private void ProcessSection(PolicyNode policy, PolicyTarget target)
    {
        var writer = outcomes.Writer(policy);
        ListenerNode? listener;
        GatewayNode gateway;
        string claimKey;
        PolicyAncestorRef ancestor;
        if (target.Kind == "Gateway")
        {
            if (graph.FindGateway(target.Namespace, target.Name) is not { } gw)
            {
                return;
            }

            gateway = gw;
            ancestor = PolicyAncestorRef.Gateway(gw.Namespace, gw.Name, target.SectionName);
            // every listener attached to the Gateway counts, its own first
            listener = gw.Listeners.Concat(gw.ListenerSets.SelectMany(s => s.Listeners)).FirstOrDefault(l => l.Name == target.SectionName);
            if (listener is null)
            {
                writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.TargetNotFound,
                    $"No section name {target.SectionName} found for Gateway {gw.Namespace}/{gw.Name}");
                return;
            }

            claimKey = target.SectionName!;
        }
        else
        {
            if (graph.FindListenerSet(target.Namespace, target.Name) is not { } set)
            {
                return;
            }

            gateway = set.Parent;
            ancestor = PolicyAncestorRef.ListenerSet(set.Namespace, set.Name, target.SectionName);
            listener = set.Listeners.FirstOrDefault(l => l.Name == target.SectionName);
            if (listener is null)
            {
                writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.TargetNotFound,
                    $"ListenerSet {set.Namespace}/{set.Name} does not have a listener named \"{target.SectionName}\"");
                return;
            }

            claimKey = $"{set.Namespace}/{set.Name}/{target.SectionName}";
        }

        var claimed = Sections(gateway);
        if (claimed.Contains(claimKey))
        {
            writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Conflicted,
                $"Unable to target section of {target.Name}, another ClientTrafficPolicy has already attached to it");
            return;
        }

        claimed.Add(claimKey);
        outcomes.ListenerPolicies[listener] = policy;
        outcomes.Claim(policy, Scope.GatewayListener(gateway.Namespace, gateway.Name, listener.Name));

        var errors = new List<string>();
        var http3Disabled = new List<string>();
        if (PortOverlap(listener, other => true) is { } overlap)
        {
            errors.Add(overlap);
        }
        else
        {
            Translate(policy, listener, errors, http3Disabled);
        }

        Finish(policy, writer, ancestor, errors, http3Disabled);
    }

    private void ProcessWholeListenerSet(PolicyNode policy, PolicyTarget target)
    {
        if (graph.FindListenerSet(target.Namespace, target.Name) is not { } set)
        {
            return;
        }

        var writer = outcomes.Writer(policy);
        var ancestor = PolicyAncestorRef.ListenerSet(set.Namespace, set.Name);
        if (!Whole(set.Parent).Add($"listenerset/{set.Namespace}/{set.Name}"))
        {
            writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Conflicted,
                $"Unable to target ListenerSet {set.Name}, another ClientTrafficPolicy has already attached to it");
            return;
        }

        var prefix = $"{set.Namespace}/{set.Name}/";
        var claimed = Sections(set.Parent);
        WriteOverridden(writer, ancestor, claimed.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]));
        outcomes.Claim(policy, Scope.ListenerSet(set.Namespace, set.Name));

        var errors = new List<string>();
        var http3Disabled = new List<string>();
        foreach (var listener in set.Listeners.Where(l => !claimed.Contains(prefix + l.Name)))
        {
            if (PortOverlap(listener, other => other.ListenerSet != set) is { } overlap)
            {
                errors.Add(overlap);
                continue;
            }

            claimed.Add(prefix + listener.Name);
            outcomes.ListenerPolicies[listener] = policy;
            Translate(policy, listener, errors, http3Disabled);
        }

        Finish(policy, writer, ancestor, errors, http3Disabled);
    }

    private void ProcessWholeGateway(PolicyNode policy, PolicyTarget target)
    {
        if (graph.FindGateway(target.Namespace, target.Name) is not { } gateway)
        {
            return;
        }

        var writer = outcomes.Writer(policy);
        var ancestor = PolicyAncestorRef.Gateway(gateway.Namespace, gateway.Name);
        if (!Whole(gateway).Add(EntireGateway))
        {
            writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Conflicted,
                $"Unable to target Gateway {gateway.Name}, another ClientTrafficPolicy has already attached to it");
            return;
        }

        var claimed = Sections(gateway);
        WriteOverridden(writer, ancestor, claimed.Select(k => k[(k.LastIndexOf('/') + 1)..]));
        outcomes.Claim(policy, Scope.Gateway(gateway.Namespace, gateway.Name));

        var errors = new List<string>();
        var http3Disabled = new List<string>();
        foreach (var listener in gateway.Listeners)
        {
            if (!claimed.Contains(listener.Name))
            {
                TranslateUnclaimed(policy, gateway, listener, errors, http3Disabled);
            }
        }

        foreach (var set in gateway.ListenerSets)
        {
            foreach (var listener in set.Listeners.Where(l => !claimed.Contains($"{set.Namespace}/{set.Name}/{l.Name}")))
            {
                TranslateUnclaimed(policy, gateway, listener, errors, http3Disabled);
            }
        }

        Finish(policy, writer, ancestor, errors, http3Disabled);
    }

    private void TranslateUnclaimed(PolicyNode policy, GatewayNode gateway, ListenerNode listener, List<string> errors, List<string> http3Disabled)
    {
        // with merged gateways off, every listener sharing a port belongs to this Gateway: no overlap to report
        if (PortOverlap(listener, other => other.Gateway != gateway) is { } overlap)
        {
            errors.Add(overlap);
            return;
        }

        outcomes.ListenerPolicies[listener] = policy;
        Translate(policy, listener, errors, http3Disabled);
    }

    private void Translate(PolicyNode policy, ListenerNode listener, List<string> errors, List<string> http3Disabled)
    {
        var (listenerErrors, disabled) = translator.Translate(policy.Model, policy.Namespace, listener);
        errors.AddRange(listenerErrors);
        if (disabled)
        {
            http3Disabled.Add(listener.Name);
        }
    }

    private static void Finish(PolicyNode policy, PolicyStatusWriter writer, PolicyAncestorRef ancestor, List<string> errors, List<string> http3Disabled)
    {
        if (errors.Count > 0)
        {
            writer.Set(ancestor, ConditionTypes.Accepted, "False", ConditionReasons.Invalid, StatusMessages.NormalizeError(string.Join('\n', errors)));
        }

        writer.AcceptIfUnset(ancestor);
        if (http3Disabled.Count > 0)
        {
            var message = http3Disabled.Count == 1
                ? $"HTTP/3 was disabled for listener \"{http3Disabled[0]}\"{Http3Suffix}"
                : $"HTTP/3 was disabled for listeners {StatusMessages.SortedGoList(http3Disabled)}{Http3Suffix}";
            writer.AddWarning(ancestor, "UnsupportedHTTP3ClientValidation", message);
        }

        if (DeprecatedFields.Warning(policy) is { } warning)
        {
            writer.AddWarning(ancestor, ConditionReasons.DeprecatedField, warning);
        }
    }

    private static void WriteOverridden(PolicyStatusWriter writer, PolicyAncestorRef ancestor, IEnumerable<string> sections)
    {
        var list = sections.ToList();
        if (list.Count > 0)
        {
            writer.Set(ancestor, ConditionTypes.Overridden, "True", ConditionReasons.Overridden,
                $"There are existing ClientTrafficPolicies that are overriding these sections {StatusMessages.SortedGoList(list)}");
        }
    }

    // An HTTP (non-TLS) listener shares one Envoy listener with every other HTTP listener on its port: a policy
    // cannot configure one of them alone.
    private static string? PortOverlap(ListenerNode listener, Func<ListenerNode, bool> counts)
    {
        if (listener.Protocol != "HTTP")
        {
            return null;
        }

        var other = AllListeners(listener.Gateway).FirstOrDefault(l => l != listener && l.Protocol == "HTTP" && l.Port == listener.Port && counts(l));
        return other is null
            ? null
            : $"ClientTrafficPolicy is being applied to multiple http (non https) listeners ({listener.IrName}, {other.IrName}) on the same port, which is not allowed";
    }

    private static IEnumerable<ListenerNode> AllListeners(GatewayNode gateway) =>
        gateway.Listeners.Concat(gateway.ListenerSets.SelectMany(s => s.Listeners));

    private List<string> Sections(GatewayNode gateway)
    {
        if (!sectionClaims.TryGetValue(gateway, out var list))
        {
            sectionClaims[gateway] = list = new List<string>();
        }

        return list;
    }

    private HashSet<string> Whole(GatewayNode gateway)
    {
        if (!wholeClaims.TryGetValue(gateway, out var set))
        {
            wholeClaims[gateway] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }
}
