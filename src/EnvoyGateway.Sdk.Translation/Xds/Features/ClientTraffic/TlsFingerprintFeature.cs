using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Listener.TlsInspector.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>tls.fingerprints</c> → the TLS inspector of the listener's port (envoy-mapping.md §2): JA3 →
/// <c>enable_ja3_fingerprinting</c> (the inspector is added if the port had none). JA4 is reported: the compiled API
/// has no <c>TlsInspector.enable_ja4_fingerprinting</c>.
/// </summary>
internal sealed class TlsFingerprintFeature : IIrFeature, IGatewayResourcesFeature
{
    public string Name => "ctp.tls.fingerprints";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var listener in ClientTrafficGaps.Listeners(gateway))
        {
            if (listener.ClientTraffic?.Tls?.Fingerprints.Contains("JA4") == true)
            {
                ClientTrafficGaps.Warn(gateway, listener, "envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector", "enable_ja4_fingerprinting", "tls.fingerprints JA4");
            }
        }
    }

    public void AddResources(GatewayIr gateway, GatewayResourceLists resources)
    {
        foreach (var listener in ClientTrafficGaps.Listeners(gateway).Where(l => l is not UdpListenerIr))
        {
            if (listener.ClientTraffic?.Tls?.Fingerprints.Contains("JA3") != true
                || resources.Listeners.FirstOrDefault(l => IsTcpOnPort(l, listener.Port)) is not { } xdsListener)
            {
                continue;
            }

            var filter = xdsListener.ListenerFilters.FirstOrDefault(f => f.Name == XdsNames.TlsInspectorFilter);
            if (filter is null)
            {
                filter = ListenerTranslator.TlsInspector();
                xdsListener.ListenerFilters.Add(filter);
            }

            var inspector = filter.TypedConfig.Unpack<TlsInspector>();
            inspector.EnableJa3Fingerprinting = true;
            filter.TypedConfig = Any.Pack(inspector);
        }
    }

    private static bool IsTcpOnPort(Listener listener, int port) =>
        listener.Address?.SocketAddress is { } address && address.PortValue == (uint)port && address.Protocol == SocketAddress.Types.Protocol.Tcp;
}
