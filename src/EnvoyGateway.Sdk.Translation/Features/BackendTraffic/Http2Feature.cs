using System.Collections.Generic;
using System.Globalization;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>IR upstream HTTP/2 settings.</summary>
internal sealed record Http2Ir(uint? InitialStreamWindowSize, uint? InitialConnectionWindowSize, int? MaxConcurrentStreams, bool? ResetStreamOnError);

/// <summary>
/// <c>spec.http2</c> (Envoy Gateway <c>buildIRHTTP2Settings</c>): window sizes must be integral quantities between
/// 65535 and 2147483647; errors are joined.
/// </summary>
internal static class Http2Feature
{
    public const string Prefix = "HTTP2";

    public const long MinWindowSize = 65535;

    public const long MaxWindowSize = 2147483647;

    public static Http2Ir? Build(BackendTrafficPolicySpecHttp2? spec, out string? error)
    {
        error = null;
        if (spec is null)
        {
            return null;
        }

        var errors = new List<string>();
        var stream = Window(spec.InitialStreamWindowSize, "InitialStreamWindowSize", errors);
        var connection = Window(spec.InitialConnectionWindowSize, "InitialConnectionWindowSize", errors);
        bool? reset = spec.OnInvalidMessage switch
        {
            "TerminateStream" => true,
            "TerminateConnection" => false,
            _ => null,
        };
        if (errors.Count > 0)
        {
            error = string.Join('\n', errors);
            return null;
        }

        return new Http2Ir(stream, connection, spec.MaxConcurrentStreams, reset);
    }

    private static uint? Window(Quantity? raw, string name, List<string> errors)
    {
        if (raw is null)
        {
            return null;
        }

        var quantity = GoQuantity.From(raw);
        if (quantity is null || !quantity.TryAsInt64(out var value))
        {
            errors.Add("invalid " + name + " value " + (quantity?.ToString() ?? raw.Value));
            return null;
        }

        if (value < MinWindowSize || value > MaxWindowSize)
        {
            errors.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} value {quantity} is out of range, must be between {MinWindowSize} and {MaxWindowSize}"));
            return null;
        }

        return (uint)value;
    }
}
