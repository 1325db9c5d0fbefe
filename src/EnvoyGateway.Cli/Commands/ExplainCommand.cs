using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using EnvoyGateway.Cli.Output;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Cli.Commands;

/// <summary>
/// <c>egsdk explain -f FILE... (--route ns/name[/rule] [--listener LISTENER] | --gateway ns/name[/listener])</c>:
/// which policies attach to a route rule or listener, which one wins, and where every effective field came from.
/// A route is explained on the listener given, else on every listener it is attached to; a Gateway on every listener,
/// its own and those of its ListenerSets. LISTENER is <c>gwNs/gw/listener</c> or <c>gwNs/gw/lsNs/listenerSet/listener</c>.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliStreams streams)
    {
        var files = new Option<string[]>("--file", "-f") { Description = "Input YAML or JSON file (repeatable); '-' reads standard input.", Required = true };
        var route = new Option<string?>("--route") { Description = "The route rule to explain: namespace/name or namespace/name/rule (rule name or index)." };
        var routeKind = new Option<string>("--route-kind") { Description = "The route's kind.", DefaultValueFactory = _ => "HTTPRoute" };
        routeKind.AcceptOnlyFromAmong("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute");
        var listener = new Option<string?>("--listener")
        {
            Description = "With --route: only this listener, gatewayNamespace/gateway/listener or gatewayNamespace/gateway/listenerSetNamespace/listenerSet/listener (default: every listener the route is attached to).",
        };
        var gateway = new Option<string?>("--gateway")
        {
            Description = "The Gateway to explain: namespace/name (every listener, ListenerSet ones included), namespace/name/listener or namespace/name/listenerSetNamespace/listenerSet/listener.",
        };
        var format = new Option<string>("--format") { Description = "Output format: 'text' or 'json'.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("explain", "Show which policies attach to a route rule or listener, which one wins, and the effective value of every field with the policy it came from.")
        {
            files, route, routeKind, listener, gateway, format,
        };
        command.Validators.Add(result =>
        {
            var hasRoute = result.GetValue(route) is not null;
            var hasGateway = result.GetValue(gateway) is not null;
            if (hasRoute == hasGateway)
            {
                result.AddError("Give exactly one of --route or --gateway.");
            }
            else if (hasGateway && result.GetValue(listener) is not null)
            {
                result.AddError("--listener goes with --route; with --gateway write namespace/name/listener.");
            }
        });
        command.SetAction(parse => Run(new Request(parse.GetValue(files)!, parse.GetValue(route), parse.GetValue(routeKind)!, parse.GetValue(listener),
            parse.GetValue(gateway), parse.GetValue(format)!), streams));
        return command;
    }

    internal sealed record Request(string[] Files, string? Route, string RouteKind, string? Listener, string? Gateway, string Format);

    internal static int Run(Request request, CliStreams streams)
    {
        var resources = InputReader.Read(request.Files, streams.In, streams.Error);
        if (resources is null)
        {
            return ExitCodes.InputError;
        }

        try
        {
            var resolution = PolicyResolver.Resolve(resources);
            var explanations = request.Route is { } route
                ? ExplainRoute(resolution, request.RouteKind, Split(route, "--route", 2, 3), request.Listener is null ? null : Listener(Split(request.Listener, "--listener", 3, 5)))
                : ExplainGateway(resolution, Split(request.Gateway!, "--gateway", 2, 3, 5));
            streams.Out.Write(request.Format == "json" ? ExplanationRenderer.Json(explanations) : ExplanationRenderer.Text(explanations));
            return ExitCodes.Success;
        }
        catch (ResourceLoadException e)
        {
            streams.Error.WriteLine($"egsdk: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (FormatException e)
        {
            streams.Error.WriteLine($"egsdk: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
        {
            // ArgumentException appends " (Parameter 'x')": an API detail, not something the user typed.
            var message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;
            streams.Error.WriteLine($"egsdk: {message}");
            return ExitCodes.InputError;
        }
    }

    // On the listener given, else on each listener the route is attached to (none: the finder says so).
    private static List<Explanation> ExplainRoute(PolicyResolution resolution, string kind, string[] parts, ListenerRef? listener)
    {
        var rule = new RouteRuleRef(kind, parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
        var listeners = listener is null ? resolution.AttachedListeners(rule) : [listener];
        return listeners.IsEmpty ? [ExplainRouteOn(resolution, rule, null)] : listeners.Select(l => ExplainRouteOn(resolution, rule, l)).ToList();
    }

    private static Explanation ExplainRouteOn(PolicyResolution resolution, RouteRuleRef rule, ListenerRef? listener)
    {
        var attachments = resolution.AttachmentsOf(rule, listener);
        var kinds = new List<KindExplanation>
        {
            Of("BackendTrafficPolicy", attachments, EffectiveSummary.Of(resolution.EffectiveBackendTrafficPolicy(rule, listener))),
            Of("SecurityPolicy", attachments, EffectiveSummary.Of(resolution.EffectiveSecurityPolicy(rule, listener))),
        };
        if (listener is not null)
        {
            kinds.Add(Of("ClientTrafficPolicy", resolution.AttachmentsOf(listener), EffectiveSummary.Of(resolution.EffectiveClientTrafficPolicy(listener))));
        }

        return new Explanation(listener is null ? rule.ToString() : $"{rule} on listener {listener}", kinds);
    }

    private static List<Explanation> ExplainGateway(PolicyResolution resolution, string[] parts)
    {
        IEnumerable<ListenerRef> listeners = parts.Length == 2 ? resolution.ListenersOf(parts[0], parts[1]) : [Listener(parts)];
        return listeners.Select(listener =>
        {
            var attachments = resolution.AttachmentsOf(listener);
            return new Explanation($"listener {listener}",
            [
                Of("BackendTrafficPolicy", attachments, null),
                Of("SecurityPolicy", attachments, null),
                Of("ClientTrafficPolicy", attachments, EffectiveSummary.Of(resolution.EffectiveClientTrafficPolicy(listener))),
            ]);
        }).ToList();
    }

    private static KindExplanation Of(string kind, IEnumerable<PolicyAttachment> attachments, EffectiveSummary? effective) =>
        new(kind, attachments.Where(a => a.Policy.Kind == kind).ToList(), effective);

    // gwNs/gw/listener or gwNs/gw/lsNs/listenerSet/listener.
    private static ListenerRef Listener(string[] parts) =>
        parts.Length == 5 ? new(parts[0], parts[1], parts[4], parts[2], parts[3]) : new(parts[0], parts[1], parts[2]);

    // The '/'-separated parts of an option's value; counts = the numbers of parts it may have.
    private static string[] Split(string value, string option, params int[] counts)
    {
        var parts = value.Split('/');
        return Array.IndexOf(counts, parts.Length) >= 0 && parts.All(p => p.Length > 0)
            ? parts
            : throw new FormatException($"{option} '{value}' must be {option switch
            {
                "--listener" => "gatewayNamespace/gateway/listener or gatewayNamespace/gateway/listenerSetNamespace/listenerSet/listener",
                "--route" => "namespace/name or namespace/name/rule",
                _ => "namespace/name, namespace/name/listener or namespace/name/listenerSetNamespace/listenerSet/listener",
            }}.");
    }
}
