using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary><c>spec.clientIPDetection</c> (no errors; applied straight to the HTTP listener).</summary>
internal static class ClientIPDetectionFeature
{
    public static ClientIPDetectionSettings? Build(ClientTrafficPolicySpecClientIPDetection? detection)
    {
        if (detection is null)
        {
            return null;
        }

        var xff = detection.XForwardedFor;
        return new ClientIPDetectionSettings(
            xff?.NumTrustedHops is { } hops ? unchecked((uint)hops) : null,
            xff?.TrustedCIDRs?.ToList(),
            xff?.DisableXForwardedForAppend ?? false,
            detection.CustomHeader?.Name,
            detection.CustomHeader?.FailClosed ?? false);
    }
}
