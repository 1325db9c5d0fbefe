using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Translation.Graph;
using k8s.Models;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// Turns a rule's <c>backendRefs</c> into a destination: each Service backend resolved through its EndpointSlices
/// (as Envoy Gateway does inside a cluster), never through the Service's clusterIP.
/// </summary>
internal sealed class BackendResolver
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";
    private readonly ResourceGraph graph;

    public BackendResolver(ResourceGraph graph) => this.graph = graph;

    /// <summary>Resolves <paramref name="backendRefs"/>; returns null when none is usable (warnings name the bad ones).</summary>
    public DestinationIr? Resolve(string clusterName, RouteNode route, IEnumerable<JsonElement> backendRefs, List<string> warnings)
    {
        var destination = new DestinationIr(clusterName) { Http2 = route.Kind == "GRPCRoute" };
        var index = 0;
        foreach (var element in backendRefs)
        {
            JsonElement? backendRef = element;
            var backendIndex = index++;
            var kind = backendRef.Get("kind").String() ?? "Service";
            var group = backendRef.Get("group").String() ?? string.Empty;
            var name = backendRef.Get("name").String() ?? string.Empty;
            var ns = backendRef.Get("namespace").String() ?? route.Namespace;
            var port = backendRef.Get("port").Int();
            var weight = backendRef.Get("weight").Int() ?? 1;
            if (weight == 0)
            {
                continue;
            }

            if (kind != "Service" || group.Length != 0)
            {
                warnings.Add($"{route}: backendRef {group}/{kind} {ns}/{name} is not a Service; not translated.");
                continue;
            }

            if (!graph.IsReferenceAllowed(ObjectKey.GatewayApiGroup, route.Kind, route.Namespace, string.Empty, "Service", ns, name))
            {
                warnings.Add($"{route}: backendRef Service {ns}/{name} is in another namespace and no ReferenceGrant allows it.");
                continue;
            }

            if (graph.FindService(ns, name) is not { } service)
            {
                warnings.Add($"{route}: backendRef Service {ns}/{name} does not exist.");
                continue;
            }

            var servicePort = service.Spec?.Ports?.FirstOrDefault(p => p.Port == port);
            if (servicePort is null)
            {
                warnings.Add($"{route}: Service {ns}/{name} has no port {port}.");
                continue;
            }

            if (servicePort.AppProtocol is "kubernetes.io/h2c" or "grpc")
            {
                destination.Http2 = true;
            }

            destination.Backends.Add(new BackendIr(backendIndex, (uint)weight, Endpoints(ns, name, servicePort)));
        }

        return destination.Backends.Count == 0 ? null : destination;
    }

    internal List<EndpointIr> Endpoints(string ns, string serviceName, V1ServicePort servicePort)
    {
        var endpoints = new List<EndpointIr>();
        var seen = new HashSet<(string, uint)>();
        foreach (var slice in graph.EndpointSlices.Where(s => (s.Metadata?.NamespaceProperty ?? "default") == ns
                     && s.Metadata?.Labels is { } labels && labels.TryGetValue(ServiceNameLabel, out var svc) && svc == serviceName))
        {
            if (slice.AddressType == "FQDN")
            {
                continue;
            }

            var slicePort = slice.Ports?.FirstOrDefault(p => (p.Name ?? string.Empty) == (servicePort.Name ?? string.Empty));
            if (slicePort?.Port is not { } portNumber)
            {
                continue;
            }

            foreach (var endpoint in slice.Endpoints ?? [])
            {
                if (endpoint.Conditions?.Ready == false)
                {
                    continue;
                }

                foreach (var address in endpoint.Addresses ?? [])
                {
                    if (seen.Add((address, (uint)portNumber)))
                    {
                        endpoints.Add(new EndpointIr(address, (uint)portNumber));
                    }
                }
            }
        }

        return endpoints;
    }
}
