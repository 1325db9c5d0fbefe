using System.Linq;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// A BackendTrafficPolicy whose features failed to build (policy-attachment.md §8.2): every HTTP route it is the
/// effective policy of answers with a direct response 500 and gets none of its traffic settings (neither does its
/// cluster). TCP/UDP routes keep the features that built. Runs before every other BackendTrafficPolicy feature.
/// </summary>
internal sealed class InvalidPolicyDirectResponseFeature : IIrFeature
{
    public string Name => "btp.invalid";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var route in gateway.HttpListeners.SelectMany(l => l.Routes))
        {
            if (route.Traffic is not { Errors.Any: true } invalid)
            {
                continue;
            }

            route.DirectResponseStatus = 500;
            route.Redirect = null;
            route.Traffic = null;
            if (route.Destination is { } destination && ReferenceEquals(destination.Traffic, invalid))
            {
                destination.Traffic = null;
            }

            var warning = $"{invalid.Policy}: invalid ({string.Join("; ", invalid.Errors.Items)}); the routes it applies to answer 500.";
            if (!gateway.Warnings.Contains(warning))
            {
                gateway.Warnings.Add(warning);
            }
        }
    }
}
