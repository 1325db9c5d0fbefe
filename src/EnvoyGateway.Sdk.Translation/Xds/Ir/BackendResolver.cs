using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Translation.Graph;
using k8s.Models;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// Turns a rule's <c>backendRefs</c> into a destination: each Service backend resolved through its EndpointSlices
/// (as Envoy Gateway does inside a cluster), never through the Service's clusterIP. Services and EndpointSlices read
/// from files may break their schema (null list items, missing addresses): such items are skipped with a warning
/// naming the resource and the JSON path, never a crash.
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

            if (weight < 0)
            {
                Warn(warnings, $"{route}: backendRef {ns}/{name} has a negative weight ({weight.ToString(CultureInfo.InvariantCulture)}); not translated.");
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

            var servicePort = ServicePort(service, ns, name, port, warnings);
            if (servicePort is null)
            {
                warnings.Add($"{route}: Service {ns}/{name} has no port {port}.");
                continue;
            }

            if (servicePort.AppProtocol is "kubernetes.io/h2c" or "grpc")
            {
                destination.Http2 = true;
            }

            destination.Backends.Add(new BackendIr(backendIndex, (uint)weight, Endpoints(ns, name, servicePort, warnings), $"{ns}/{name}", IpFamily(service)));
        }

        return destination.Backends.Count == 0 ? null : destination;
    }

    /// <summary>The port of <paramref name="service"/> numbered <paramref name="port"/>; null items of <c>spec.ports</c> are skipped with a warning.</summary>
    internal static V1ServicePort? ServicePort(V1Service service, string ns, string name, int? port, List<string> warnings)
    {
        var ports = service.Spec?.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is not { } candidate)
            {
                Warn(warnings, $"Service {ns}/{name}: spec.ports[{i.ToString(CultureInfo.InvariantCulture)}] is null; skipped.");
                continue;
            }

            if (candidate.Port == port)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The ready endpoints of the Service's EndpointSlices on <paramref name="servicePort"/> (matched by port name), without
    /// duplicates; FQDN slices give hostname endpoints. Broken items are skipped with a warning naming slice and path.
    /// </summary>
    internal List<EndpointIr> Endpoints(string ns, string serviceName, V1ServicePort servicePort, List<string> warnings)
    {
        var endpoints = new List<EndpointIr>();
        var seen = new HashSet<(string, uint)>();
        foreach (var slice in graph.EndpointSlices.Where(s => (s.Metadata?.NamespaceProperty ?? "default") == ns
                     && s.Metadata?.Labels is { } labels && labels.TryGetValue(ServiceNameLabel, out var svc) && svc == serviceName))
        {
            var sliceName = $"EndpointSlice {ns}/{slice.Metadata?.Name}";
            if (SlicePort(slice, sliceName, servicePort.Name ?? string.Empty, warnings) is not { } portNumber)
            {
                continue;
            }

            var fqdn = slice.AddressType == "FQDN";
            var items = slice.Endpoints ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"endpoints[{i.ToString(CultureInfo.InvariantCulture)}]";
                if (items[i] is not { } endpoint)
                {
                    Warn(warnings, $"{sliceName}: {path} is null; skipped.");
                    continue;
                }

                if (endpoint.Conditions?.Ready == false)
                {
                    continue;
                }

                var addresses = endpoint.Addresses ?? [];
                for (var j = 0; j < addresses.Count; j++)
                {
                    var address = addresses[j];
                    if (string.IsNullOrWhiteSpace(address))
                    {
                        Warn(warnings, $"{sliceName}: {path}.addresses[{j.ToString(CultureInfo.InvariantCulture)}] is {(address is null ? "null" : "empty")}; skipped.");
                        continue;
                    }

                    if (seen.Add((address, portNumber)))
                    {
                        endpoints.Add(new EndpointIr(address, portNumber, string.IsNullOrEmpty(endpoint.Zone) ? null : endpoint.Zone, fqdn));
                    }
                }
            }
        }

        return endpoints;
    }

    // The slice's port named like the Service port; null items and out-of-range numbers are skipped with a warning.
    private static uint? SlicePort(V1EndpointSlice slice, string sliceName, string portName, List<string> warnings)
    {
        var ports = slice.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            var path = $"ports[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (ports[i] is not { } candidate)
            {
                Warn(warnings, $"{sliceName}: {path} is null; skipped.");
                continue;
            }

            if ((candidate.Name ?? string.Empty) != portName || candidate.Port is not { } number)
            {
                continue;
            }

            if (number is < 1 or > 65535)
            {
                Warn(warnings, $"{sliceName}: {path}.port {number.ToString(CultureInfo.InvariantCulture)} is not a port number (1-65535); skipped.");
                continue;
            }

            return (uint)number;
        }

        return null;
    }

    // Service spec.ipFamilyPolicy / spec.ipFamilies as Envoy Gateway's backend IP family (it picks the DNS lookup family).
    private static string? IpFamily(V1Service service)
    {
        var families = (service.Spec?.IpFamilies ?? []).OfType<string>().Distinct().ToList();
        if (service.Spec?.IpFamilyPolicy == "RequireDualStack" || families.Count > 1)
        {
            return "DualStack";
        }

        return families.Count == 1 && families[0] is "IPv4" or "IPv6" ? families[0] : null;
    }

    // Several routes can reach the same broken slice: report each problem once.
    private static void Warn(List<string> warnings, string warning)
    {
        if (!warnings.Contains(warning))
        {
            warnings.Add(warning);
        }
    }
}
