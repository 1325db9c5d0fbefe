using System.Collections.Generic;
using Envoy.Extensions.Filters.Http.GrpcWeb.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>grpc.enableWeb</c> → HCM filter <c>envoy.filters.http.grpc_web</c> (an empty <c>GrpcWeb</c>),
/// from the listener that owns the HCM (envoy-mapping.md §2).
/// </summary>
internal sealed class GrpcWebFilterFeature : IHttpFilterFeature
{
    public const string FilterName = "envoy.filters.http.grpc_web";

    public string Name => "ctp.grpc.enableWeb";

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (listeners.Count > 0 && listeners[0].ClientTraffic?.EnableGrpcWeb == true)
        {
            yield return new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(new GrpcWeb()) };
        }
    }
}
