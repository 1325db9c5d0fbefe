using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Buffer.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;
using BufferFilter = Envoy.Extensions.Filters.Http.Buffer.V3.Buffer;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>requestBuffer.limit</c> (envoy-mapping.md §1, pattern B of §6): a disabled
/// <c>envoy.filters.http.buffer</c> (limit of the first route) and per route <c>BufferPerRoute.buffer.max_request_bytes</c>;
/// a buffered route loses the default websocket upgrade (a buffered request cannot be upgraded), but keeps the
/// upgrades its policy lists in <c>httpUpgrade</c>.
/// </summary>
internal sealed class RequestBufferFilterFeature : IHttpFilterFeature
{
    public const string FilterName = "envoy.filters.http.buffer";

    public string Name => "btp.requestBuffer";

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (routes.Select(r => r.Traffic?.RequestBuffer).FirstOrDefault(b => b is not null) is not { } first)
        {
            return [];
        }

        return [new HttpFilter { Name = FilterName, Disabled = true, TypedConfig = Any.Pack(new BufferFilter { MaxRequestBytes = first.Limit }) }];
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.RequestBuffer is not { } buffer || xdsRoute.Route_ is not { } action)
        {
            return;
        }

        xdsRoute.TypedPerFilterConfig[FilterName] = Any.Pack(new BufferPerRoute { Buffer = new BufferFilter { MaxRequestBytes = buffer.Limit } });
        if (route.Traffic.HttpUpgrade is not { Count: > 0 })
        {
            action.UpgradeConfigs.Clear();
        }
    }
}
