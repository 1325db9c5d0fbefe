using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.Rbac.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// SecurityPolicy <c>authorization</c> on TCPRoutes (envoy-mapping.md §3): an <c>envoy.filters.network.rbac</c>
/// filter with the client CIDR matcher, placed before the TCP proxy of the route's filter chain and sharing its stat prefix.
/// </summary>
internal sealed class TcpRbacListenerFeature : IListenerFeature
{
    public const string FilterName = "envoy.filters.network.rbac";

    public string Name => "sp.authorization.tcp";

    public void PatchFilterChain(ListenerIrBase listener, FilterChain chain)
    {
        if (listener is not TcpListenerIr tcp || tcp.Routes.FirstOrDefault(r => r.Name == chain.Name) is not { Security.Features.Authorization: { } authorization } route)
        {
            return;
        }

        var rbac = new RBAC
        {
            StatPrefix = XdsNames.TcpStatPrefix(route.Passthrough, route.TerminateTls is not null, tcp.Port),
            Matcher = RbacMatchers.Build(authorization, false, new List<string>()),
        };
        var proxy = chain.Filters.ToList().FindIndex(f => f.Name == XdsNames.TcpProxyFilter);
        chain.Filters.Insert(proxy < 0 ? chain.Filters.Count : proxy, new Filter { Name = FilterName, TypedConfig = Any.Pack(rbac) });
    }
}
