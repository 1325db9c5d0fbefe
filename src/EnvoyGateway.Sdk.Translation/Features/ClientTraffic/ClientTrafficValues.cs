using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>Field parsing shared by the ClientTrafficPolicy features, with Envoy Gateway's error texts.</summary>
internal static class ClientTrafficValues
{
    /// <summary>
    /// An optional duration as Go's <c>time.ParseDuration</c> reads it; a bad one sets
    /// <c>invalid &lt;field&gt; value &lt;raw&gt;</c> and returns false.
    /// </summary>
    public static bool TryDuration(GatewayDuration? duration, string field, out long? nanoseconds, ref string? error)
    {
        nanoseconds = null;
        if (duration is null)
        {
            return true;
        }

        if (!GoDuration.TryParse(duration.Value, out var ns))
        {
            error = $"invalid {field} value {duration.Value}";
            return false;
        }

        nanoseconds = ns;
        return true;
    }
}
