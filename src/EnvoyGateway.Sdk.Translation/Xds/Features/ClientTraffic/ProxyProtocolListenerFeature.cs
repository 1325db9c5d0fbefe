using System.Linq;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Listener.ProxyProtocol.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>proxyProtocol</c> (or the deprecated <c>enableProxyProtocol</c>) → listener filter
/// <c>envoy.filters.listener.proxy_protocol</c> first, before the TLS inspector (envoy-mapping.md §2, §4);
/// <c>optional</c> → <c>allow_requests_without_proxy_protocol</c>.
/// </summary>
internal sealed class ProxyProtocolListenerFeature : IListenerFeature
{
    public const string FilterName = "envoy.filters.listener.proxy_protocol";

    public string Name => "ctp.proxyProtocol";

    public void PatchListener(ListenerIrBase listener, Listener xdsListener)
    {
        if (listener is UdpListenerIr || listener.ClientTraffic?.ProxyProtocol is not { } proxyProtocol || xdsListener.ListenerFilters.Any(f => f.Name == FilterName))
        {
            return;
        }

        var config = new ProxyProtocol { AllowRequestsWithoutProxyProtocol = proxyProtocol.Optional };
        xdsListener.ListenerFilters.Insert(0, new ListenerFilter { Name = FilterName, TypedConfig = Any.Pack(config) });
    }
}
