using System.Linq;
using Envoy.Config.Route.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>httpUpgrade[]</c> → <c>RouteAction.upgrade_configs</c> (envoy-mapping.md §1): one
/// <c>UpgradeConfig{upgrade_type}</c> per entry in order, replacing the default websocket upgrade; a CONNECT with
/// <c>connect.terminate</c> gets <c>connect_config {}</c> (Envoy terminates the CONNECT and forwards the payload as raw
/// TCP), and any CONNECT entry makes the route match CONNECT requests (<c>RouteMatch.connect_matcher {}</c>). gRPC routes
/// get no upgrades, as in Envoy Gateway. An explicit <c>httpUpgrade</c> survives <c>requestBuffer</c>
/// (<see cref="RequestBufferFilterFeature"/> drops only the default).
/// </summary>
internal sealed class HttpUpgradeRouteFeature : IRouteFeature
{
    public const string Connect = "CONNECT";

    public string Name => "btp.httpUpgrade";

    public void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute)
    {
        if (route.IsGrpc || route.Traffic?.HttpUpgrade is not { Count: > 0 } upgrades || xdsRoute.Route_ is not { } action)
        {
            return;
        }

        action.UpgradeConfigs.Clear();
        foreach (var upgrade in upgrades)
        {
            var config = new RouteAction.Types.UpgradeConfig { UpgradeType = upgrade.Type };
            if (upgrade.Type == Connect && upgrade.ConnectTerminate)
            {
                config.ConnectConfig = new RouteAction.Types.UpgradeConfig.Types.ConnectConfig();
            }

            action.UpgradeConfigs.Add(config);
        }

        if (upgrades.Any(u => u.Type == Connect))
        {
            xdsRoute.Match.ConnectMatcher = new RouteMatch.Types.ConnectMatcher();
        }
    }
}
