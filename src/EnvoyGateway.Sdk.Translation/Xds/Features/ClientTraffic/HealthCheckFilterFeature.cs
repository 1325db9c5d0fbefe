using System.Collections.Generic;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.HealthCheck.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;
using StringMatcher = Envoy.Type.Matcher.V3.StringMatcher;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>healthCheck.path</c> → HCM filter <c>envoy.filters.http.health_check</c> answering requests for
/// exactly that <c>:path</c> itself (<c>pass_through_mode</c> false), from the listener that owns the HCM (envoy-mapping.md §2).
/// </summary>
internal sealed class HealthCheckFilterFeature : IHttpFilterFeature
{
    public const string FilterName = "envoy.filters.http.health_check";

    public string Name => "ctp.healthCheck";

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (listeners.Count == 0 || listeners[0].ClientTraffic?.HealthCheckPath is not { } path)
        {
            yield break;
        }

        var config = new HealthCheck
        {
            PassThroughMode = false,
            Headers = { new HeaderMatcher { Name = ":path", StringMatch = new StringMatcher { Exact = path } } },
        };
        yield return new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(config) };
    }
}
