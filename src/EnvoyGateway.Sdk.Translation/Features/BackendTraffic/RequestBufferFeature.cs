using System.Globalization;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR request buffer (Envoy <c>max_request_bytes</c>).</summary>
internal sealed record RequestBufferIr(uint Limit);

/// <summary><c>spec.requestBuffer</c>: the limit must be an integral quantity that fits Envoy's uint32.</summary>
internal static class RequestBufferFeature
{
    public const string Prefix = "RequestBuffer";

    public static RequestBufferIr? Build(BackendTrafficPolicySpecRequestBuffer? spec, out string? error)
    {
        error = null;
        if (spec?.Limit is not { } raw)
        {
            return spec is null ? null : new RequestBufferIr(0);
        }

        var quantity = GoQuantity.From(raw);
        if (quantity is null || !quantity.TryAsInt64(out var bytes))
        {
            error = "invalid Limit value " + (quantity?.ToString() ?? raw.Value);
            return null;
        }

        if (bytes < 0 || bytes > uint.MaxValue)
        {
            error = "Limit value " + quantity + " is out of range, must be between 0 and " + uint.MaxValue.ToString(CultureInfo.InvariantCulture);
            return null;
        }

        return new RequestBufferIr((uint)bytes);
    }
}
