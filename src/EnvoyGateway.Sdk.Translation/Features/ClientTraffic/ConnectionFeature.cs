using System.Globalization;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary><c>spec.connection</c> (prefix <c>Connection</c>); stops at the first error.</summary>
internal static class ConnectionFeature
{
    public const string Prefix = "Connection";

    public static ClientConnectionSettings? Build(ClientTrafficPolicySpecConnection? connection, out string? error)
    {
        error = null;
        if (connection is null)
        {
            return null;
        }

        ConnectionLimitSettings? limit = null;
        if (connection.ConnectionLimit is { } cl)
        {
            if (!ClientTrafficValues.TryDuration(cl.CloseDelay, "CloseDelay", out var closeDelay, ref error)
                || !ClientTrafficValues.TryDuration(cl.MaxConnectionDuration, "MaxConnectionDuration", out var maxConnectionDuration, ref error)
                || !ClientTrafficValues.TryDuration(cl.MaxStreamDuration, "MaxStreamDuration", out var maxStreamDuration, ref error))
            {
                return null;
            }

            limit = new ConnectionLimitSettings(
                cl.Value is { } v ? unchecked((ulong)v) : null,
                closeDelay,
                maxConnectionDuration,
                cl.MaxRequestsPerConnection,
                maxStreamDuration);
        }

        uint? bufferLimit = null;
        if (connection.BufferLimit is { } buffer)
        {
            if (!TryUInt32Quantity(buffer, "BufferLimit", out bufferLimit, out error))
            {
                return null;
            }
        }

        uint? maxAccept = connection.MaxAcceptPerSocketEvent is { } m ? unchecked((uint)m) : null;
        return new ClientConnectionSettings(limit, bufferLimit, maxAccept);
    }

    /// <summary>
    /// Envoy Gateway's quantity-to-uint32 rule: <c>invalid &lt;Field&gt; value &lt;q&gt;</c> when not an int64, else
    /// <c>&lt;Field&gt; value &lt;q&gt; is out of range, must be between 0 and 4294967295</c>.
    /// </summary>
    internal static bool TryUInt32Quantity(Quantity quantity, string field, out uint? value, out string? error)
    {
        value = null;
        error = null;
        var q = GoQuantity.From(quantity);
        var shown = q?.ToString() ?? quantity.Value;
        if (q is null || !q.TryAsInt64(out var number))
        {
            error = $"invalid {field} value {shown}";
            return false;
        }

        if (number < 0 || number > uint.MaxValue)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{field} value {shown} is out of range, must be between 0 and {uint.MaxValue}");
            return false;
        }

        value = (uint)number;
        return true;
    }
}
