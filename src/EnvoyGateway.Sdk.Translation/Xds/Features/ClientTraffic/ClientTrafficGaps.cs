using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>Warnings for ClientTrafficPolicy fields the compiled Envoy API cannot express (never a silent drop).</summary>
internal static class ClientTrafficGaps
{
    /// <summary>
    /// Adds (once) <c>listener &lt;ir name&gt;: ClientTrafficPolicy &lt;policyField&gt; is not translated: the compiled Envoy
    /// API has no &lt;message.field&gt;.</c> The gap must be in <see cref="EnvoyApiGaps"/>, so the warning disappears
    /// together with the catalogue entry once the protos catch up.
    /// </summary>
    public static void Warn(GatewayIr gateway, ListenerIrBase listener, string message, string? field, string policyField)
    {
        var gap = EnvoyApiGaps.Find(message, field)
            ?? throw new System.InvalidOperationException($"{message}.{field} is not a known Envoy API gap.");
        var warning = $"listener {listener.Name}: ClientTrafficPolicy {policyField} is not translated: the compiled Envoy API has no {gap.Name}.";
        if (!gateway.Warnings.Contains(warning))
        {
            gateway.Warnings.Add(warning);
        }
    }

    /// <summary>Every IR listener of the Gateway.</summary>
    public static System.Collections.Generic.IEnumerable<ListenerIrBase> Listeners(GatewayIr gateway) =>
        [.. gateway.HttpListeners, .. gateway.TcpListeners, .. gateway.UdpListeners];
}
