using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// Resolves the backendRefs of a policy's external service (ext auth, remote JWKS, OIDC provider) into a destination
/// whose endpoints come from the Services' EndpointSlices, like route backends. The feature builders already
/// validated the references (kind, port, ReferenceGrants).
/// </summary>
internal sealed class ExtServiceResolver
{
    private readonly ResourceGraph graph;
    private readonly BackendResolver backends;

    public ExtServiceResolver(ResourceGraph graph)
    {
        this.graph = graph;
        backends = new BackendResolver(graph);
    }

    /// <summary>The destination named <paramref name="clusterName"/>, or null (with a problem) when no backend is a usable Service.</summary>
    public DestinationIr? Resolve(string clusterName, IReadOnlyList<ExtServiceDestination> refs, bool http2, List<string> problems)
    {
        var destination = new DestinationIr(clusterName) { Http2 = http2 };
        for (var i = 0; i < refs.Count; i++)
        {
            var reference = refs[i];
            if (reference.Kind != "Service")
            {
                problems.Add($"{clusterName}: backend {reference.Kind} {reference.Namespace}/{reference.Name} is not a Service; the cluster is not translated.");
                continue;
            }

            var service = graph.FindService(reference.Namespace, reference.Name);
            var port = service is null ? null : BackendResolver.ServicePort(service, reference.Namespace, reference.Name, reference.Port, problems);
            if (port is null)
            {
                problems.Add($"{clusterName}: Service {reference.Namespace}/{reference.Name} port {reference.Port} not found.");
                continue;
            }

            if (port.AppProtocol is "kubernetes.io/h2c" or "grpc")
            {
                destination.Http2 = true;
            }

            destination.Backends.Add(new BackendIr(i, (uint)(reference.Weight ?? 1), backends.Endpoints(reference.Namespace, reference.Name, port, problems)));
        }

        return destination.Backends.Count == 0 ? null : destination;
    }
}
