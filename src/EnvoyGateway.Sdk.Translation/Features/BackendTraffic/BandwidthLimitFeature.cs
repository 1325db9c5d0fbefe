using System.Collections.Generic;
using System.Globalization;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR bandwidth limit of one direction (Envoy <c>limit_kbps</c>).</summary>
internal sealed record BandwidthLimitDirectionIr(ulong LimitKbps, string? ResponseTrailerPrefix, bool EnableResponseTrailers);

/// <summary>IR bandwidth limits.</summary>
internal sealed record BandwidthLimitIr(BandwidthLimitDirectionIr? Request, BandwidthLimitDirectionIr? Response);

/// <summary>
/// <c>spec.bandwidthLimit</c>: bytes per unit converted to whole KiB/s; Envoy's minimum is 1 KiB/s. Errors of both
/// directions are joined, each prefixed with its direction.
/// </summary>
internal static class BandwidthLimitFeature
{
    public const string Prefix = "BandwidthLimit";

    public static BandwidthLimitIr? Build(BackendTrafficPolicySpecBandwidthLimit? spec, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        var errors = new List<string>();
        BandwidthLimitDirectionIr? request = null;
        BandwidthLimitDirectionIr? response = null;
        if (spec.Request is { } req)
        {
            var kbps = Kbps(req.Limit?.Value, req.Limit?.Unit?.Value, out var e);
            if (e is not null)
            {
                errors.Add("request: " + e);
            }
            else
            {
                request = new BandwidthLimitDirectionIr(kbps, null, false);
            }
        }

        if (spec.Response is { } res)
        {
            var kbps = Kbps(res.Limit?.Value, res.Limit?.Unit?.Value, out var e);
            if (e is not null)
            {
                errors.Add("response: " + e);
            }
            else
            {
                response = new BandwidthLimitDirectionIr(kbps, res.ResponseTrailers?.Prefix, res.ResponseTrailers is not null);
            }
        }

        if (errors.Count > 0)
        {
            error = string.Join('\n', errors);
            return null;
        }

        return new BandwidthLimitIr(request, response);
    }

    private static ulong Kbps(Quantity? value, string? unit, out string? error)
    {
        error = null;
        var quantity = GoQuantity.From(value);
        long bytes = 0;
        if (quantity is null || !quantity.TryAsInt64(out bytes))
        {
            error = "invalid bandwidth limit value " + (quantity?.ToString() ?? value?.Value ?? string.Empty);
            return 0;
        }

        var seconds = unit switch
        {
            "Minute" => 60L,
            "Hour" => 3600L,
            _ => 1L,
        };
        var kbps = bytes / (seconds * 1024);
        if (kbps < 1)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"bandwidth limit of {bytes} bytes per {unit} is below the minimum of 1 KiB/s");
            return 0;
        }

        return (ulong)kbps;
    }
}
