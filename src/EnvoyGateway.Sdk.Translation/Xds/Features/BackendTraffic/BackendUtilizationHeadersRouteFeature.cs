using Envoy.Config.Route.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>loadBalancer.backendUtilization.keepResponseHeaders</c> false (the default): the ORCA load
/// report headers the backends send for client-side weighted round robin are removed before the response leaves Envoy
/// (<c>Route.response_headers_to_remove</c>: <c>endpoint-load-metrics</c>, <c>endpoint-load-metrics-bin</c>).
/// </summary>
internal sealed class BackendUtilizationHeadersRouteFeature : IRouteFeature
{
    public static readonly string[] LoadReportHeaders = ["endpoint-load-metrics", "endpoint-load-metrics-bin"];

    public string Name => "btp.loadBalancer.backendUtilization";

    public void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.LoadBalancer?.BackendUtilization is not { KeepResponseHeaders: false } || xdsRoute.Route_ is null)
        {
            return;
        }

        foreach (var header in LoadReportHeaders)
        {
            if (!xdsRoute.ResponseHeadersToRemove.Contains(header))
            {
                xdsRoute.ResponseHeadersToRemove.Add(header);
            }
        }
    }
}
