using System.Globalization;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR backend connection settings.</summary>
internal sealed record BackendConnectionIr(uint? BufferLimitBytes, int? PreconnectPerEndpointPercent, int? PreconnectPredictivePercent);

/// <summary>
/// <c>spec.connection</c> (Envoy Gateway <c>buildBackendConnection</c>): the buffer limit must be an integral quantity
/// (<c>invalid BufferLimit value 100m</c>) within uint32.
/// </summary>
internal static class BackendConnectionFeature
{
    public const string Prefix = "BackendConnection";

    public static BackendConnectionIr? Build(BackendTrafficPolicySpecConnection? spec, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        uint? bufferLimit = null;
        if (spec.BufferLimit is { } raw)
        {
            var quantity = GoQuantity.From(raw);
            if (quantity is null || !quantity.TryAsInt64(out var bytes))
            {
                error = "invalid BufferLimit value " + (quantity?.ToString() ?? raw.Value);
                return null;
            }

            if (bytes < 0 || bytes > uint.MaxValue)
            {
                error = "BufferLimit value " + quantity + " is out of range, must be between 0 and "
                    + uint.MaxValue.ToString(CultureInfo.InvariantCulture);
                return null;
            }

            bufferLimit = (uint)bytes;
        }

        return new BackendConnectionIr(bufferLimit, spec.Preconnect?.PerEndpointPercent, spec.Preconnect?.PredictivePercent);
    }
}
