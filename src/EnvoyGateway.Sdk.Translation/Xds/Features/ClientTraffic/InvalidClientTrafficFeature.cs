using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// A ClientTrafficPolicy that failed to build for a listener (policy-attachment.md §8.4): every route of that HTTP
/// listener answers a direct 500 (clusters stay), and a TCP listener loses all its routes. The settings Envoy Gateway
/// applies only after a clean build were already dropped when the IR was made.
/// </summary>
internal sealed class InvalidClientTrafficFeature : IIrFeature
{
    public string Name => "ctp.invalid";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var listener in gateway.HttpListeners)
        {
            if (listener.ClientTraffic?.Invalid != true)
            {
                continue;
            }

            foreach (var route in listener.Routes)
            {
                route.Redirect = null;
                route.DirectResponseStatus = 500;
            }
        }

        foreach (var listener in gateway.TcpListeners)
        {
            if (listener.ClientTraffic?.Invalid == true)
            {
                listener.Routes.Clear();
            }
        }
    }
}
