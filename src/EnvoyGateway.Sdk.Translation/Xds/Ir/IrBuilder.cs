using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Features.Go;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// Builds the per-Gateway IR from the resource graph: listeners by protocol, routes attached through their accepted
/// listeners (one HTTP IR route per rule × match × hostname), one destination per route rule, listener certificates,
/// and the effective policies of every route rule and listener.
/// </summary>
internal sealed class IrBuilder
{
    private readonly ResourceGraph graph;
    private readonly EffectivePolicies policies;
    private readonly BackendResolver backends;

    public IrBuilder(ResourceGraph graph, EffectivePolicies policies)
    {
        this.graph = graph;
        this.policies = policies;
        backends = new BackendResolver(graph);
    }

    public IReadOnlyList<GatewayIr> Build() => graph.Gateways.Select(BuildGateway).ToList();

    private GatewayIr BuildGateway(GatewayNode gateway)
    {
        var ir = new GatewayIr(gateway);
        var byListener = new Dictionary<ListenerNode, ListenerIrBase>();
        var tlsByListener = ListenerCertificates.Read(graph, gateway, ir);
        foreach (var listener in gateway.Listeners.Concat(gateway.ListenerSets.SelectMany(s => s.Listeners)))
        {
            if (listener.TerminatesTls && !tlsByListener.ContainsKey(listener))
            {
                // Never serve plain text where TLS was asked for: Envoy Gateway does not program such a listener either.
                AddWarning(ir, $"{Owner(listener)} listener {listener.Name}: no usable certificate; the listener is not translated.");
                continue;
            }

            var port = XdsNames.ContainerPort(listener.Port);
            ListenerIrBase? built = listener.Protocol switch
            {
                "HTTP" or "HTTPS" => new HttpListenerIr(listener, port) { Tls = listener.Protocol == "HTTPS" ? tlsByListener.GetValueOrDefault(listener) : null },
                "TCP" or "TLS" => new TcpListenerIr(listener, port),
                "UDP" => new UdpListenerIr(listener, port),
                _ => null,
            };
            if (built is null)
            {
                ir.Warnings.Add($"{Owner(listener)} listener {listener.Name}: protocol {listener.Protocol} is not translated.");
                continue;
            }

            built.ClientTraffic = policies.ClientTraffic(listener);
            byListener[listener] = built;
            switch (built)
            {
                case HttpListenerIr http: ir.HttpListeners.Add(http); break;
                case TcpListenerIr tcp: ir.TcpListeners.Add(tcp); break;
                case UdpListenerIr udp: ir.UdpListeners.Add(udp); break;
            }
        }

        var destinations = new Dictionary<string, DestinationIr?>(StringComparer.Ordinal);
        foreach (var route in graph.Routes)
        {
            var spec = Json(route.Model).Get("spec");
            var listeners = route.ParentRefs.Where(p => p.Gateway == gateway).SelectMany(p => p.AcceptedListeners).Distinct();
            foreach (var listener in listeners)
            {
                switch (byListener.GetValueOrDefault(listener))
                {
                    case HttpListenerIr http when route.IsHttp:
                        AddHttpRoutes(ir, http, route, spec, destinations);
                        break;
                    case TcpListenerIr tcp when route.Kind is "TCPRoute" or "TLSRoute":
                        tcp.Routes.Add(TcpRoute(ir, tcp, route, spec, destinations, tlsByListener.GetValueOrDefault(listener)));
                        break;
                    case UdpListenerIr udp when route.Kind == "UDPRoute" && udp.Route is null:
                        var udpTraffic = policies.BackendTraffic(route, -1, listener);
                        udp.Route = new UdpRouteIr(route)
                        {
                            Destination = L4Destination(ir, route, spec, destinations, udpTraffic),
                            Traffic = udpTraffic,
                        };
                        break;
                }
            }
        }

        foreach (var http in ir.HttpListeners)
        {
            var sorted = HttpRouteOrder.Sort(http.Routes);
            http.Routes.Clear();
            http.Routes.AddRange(sorted);
        }

        return ir;
    }

    private void AddHttpRoutes(GatewayIr ir, HttpListenerIr listener, RouteNode route, JsonElement? spec, Dictionary<string, DestinationIr?> destinations)
    {
        var rules = spec.Get("rules").Items().ToList();
        var hostnames = RouteHostnames(listener.Source.Hostname, route.Hostnames);
        for (var r = 0; r < rules.Count; r++)
        {
            JsonElement? rule = rules[r];
            if (HttpMatchReader.RegexProblems(rule, route.Kind == "GRPCRoute").ToList() is { Count: > 0 } problems)
            {
                // Envoy Gateway refuses the whole rule (the route's status says why); Envoy would reject the route configuration.
                foreach (var (match, problem) in problems)
                {
                    AddWarning(ir, $"{route.Kind} {route.Namespace}/{route.Name} rule {r} match {match}: {problem}; the rule is not translated.");
                }

                continue;
            }

            var clusterName = XdsNames.RuleCluster(route, r);
            var traffic = policies.BackendTraffic(route, r, listener.Source);
            var security = policies.Security.For(route, r, listener.Source);
            if (!destinations.TryGetValue(clusterName, out var destination))
            {
                destination = backends.Resolve(clusterName, route, rule.Get("backendRefs").Items(), ir.Warnings);
                if (destination is not null)
                {
                    destination.Traffic = traffic;
                }

                destinations[clusterName] = destination;
            }

            var requestTimeout = RequestTimeout(rule.Get("timeouts"));
            var matches = HttpMatchReader.Matches(rule);
            foreach (var hostname in hostnames)
            {
                for (var m = 0; m < matches.Count; m++)
                {
                    var ir0 = new HttpRouteIr(route, r, m, hostname)
                    {
                        Destination = destination,
                        RequestTimeoutNanos = requestTimeout,
                        Traffic = traffic,
                        Security = security,
                    };
                    if (route.Kind == "GRPCRoute")
                    {
                        HttpMatchReader.ApplyGrpc(matches[m], ir0);
                    }
                    else
                    {
                        HttpMatchReader.ApplyHttp(matches[m], ir0);
                    }

                    HttpFilterReader.Apply(rule, ir0);
                    if (destination is null && ir0.Redirect is null)
                    {
                        ir0.DirectResponseStatus = 500;
                    }

                    listener.Routes.Add(ir0);
                }
            }
        }
    }

    // Envoy Gateway sets the route timeout from timeouts.request, then overwrites it with timeouts.backendRequest when
    // that is set (HTTPRoute retries, which would carry it as the per-try timeout, are not in the served API).
    private static long? RequestTimeout(JsonElement? timeouts) =>
        Duration(timeouts.Get("backendRequest")) ?? Duration(timeouts.Get("request"));

    private static long? Duration(JsonElement? value) =>
        value.String() is { } text && GoDuration.TryParse(text, out var nanos, out _) ? nanos : null;

    private TcpRouteIr TcpRoute(GatewayIr ir, TcpListenerIr listener, RouteNode route, JsonElement? spec, Dictionary<string, DestinationIr?> destinations, TlsIr? tls)
    {
        var source = listener.Source;
        var traffic = policies.BackendTraffic(route, -1, source);
        var tcp = new TcpRouteIr(route)
        {
            Destination = L4Destination(ir, route, spec, destinations, traffic),
            Traffic = traffic,
            Passthrough = source.Protocol == "TLS" && source.TlsMode == "Passthrough",
            Security = route.Kind == "TCPRoute" ? policies.Security.For(route, -1, source) : null,
        };
        if (source.Protocol == "TLS")
        {
            tcp.SniHostnames.AddRange(RouteHostnames(source.Hostname, route.Hostnames).Where(h => h != "*"));
        }

        if (source.TerminatesTls)
        {
            tcp.TerminateTls = tls;
        }

        return tcp;
    }

    private DestinationIr? L4Destination(GatewayIr ir, RouteNode route, JsonElement? spec, Dictionary<string, DestinationIr?> destinations, BackendTrafficFeatureSet? traffic)
    {
        var name = XdsNames.L4Cluster(route);
        if (!destinations.TryGetValue(name, out var destination))
        {
            var refs = spec.Get("rules").Items().SelectMany(r => ((JsonElement?)r).Get("backendRefs").Items()).ToList();
            destination = backends.Resolve(name, route, refs, ir.Warnings);
            if (destination is not null)
            {
                destination.Traffic = traffic;
            }

            destinations[name] = destination;
        }

        return destination;
    }

    // Gateway API hostname intersection: the more specific of the listener and route hostnames; "*" when neither has one.
    internal static IReadOnlyList<string> RouteHostnames(string? listenerHostname, IReadOnlyList<string> routeHostnames)
    {
        if (routeHostnames.Count == 0)
        {
            return [listenerHostname ?? "*"];
        }

        if (listenerHostname is null)
        {
            return routeHostnames.Distinct(StringComparer.Ordinal).ToList();
        }

        return routeHostnames.Where(h => Hostnames.Intersect(listenerHostname, h))
            .Select(h => h.StartsWith("*.", StringComparison.Ordinal) && !listenerHostname.StartsWith("*.", StringComparison.Ordinal) ? listenerHostname
                : listenerHostname.StartsWith("*.", StringComparison.Ordinal) && !h.StartsWith("*.", StringComparison.Ordinal) ? h
                : h.Length >= listenerHostname.Length ? h : listenerHostname)
            .Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Owner(ListenerNode listener) => listener.ListenerSet is { } set
        ? $"ListenerSet {set.Namespace}/{set.Name}"
        : $"Gateway {listener.Gateway.Namespace}/{listener.Gateway.Name}";

    private static void AddWarning(GatewayIr ir, string warning)
    {
        if (!ir.Warnings.Contains(warning))
        {
            ir.Warnings.Add(warning);
        }
    }

    private static JsonElement? Json(object model) => JsonSerializer.SerializeToElement(model, model.GetType(), ResourceSerializer.JsonOptions);
}
