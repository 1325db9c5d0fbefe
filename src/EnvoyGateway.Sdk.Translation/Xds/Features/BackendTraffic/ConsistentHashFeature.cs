using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// The hash policy of BackendTrafficPolicy <c>loadBalancer.consistentHash</c> (envoy-mapping.md §1): on HTTP routes
/// <c>RouteAction.hash_policy</c> (SourceIP → connection_properties.source_ip, Header/Headers → header.header_name,
/// Cookie → cookie{name, ttl, attributes}, QueryParams → query_parameter.name); on TCP routes
/// <c>TcpProxy.hash_policy[].source_ip</c>. The Maglev cluster is set by <see cref="LoadBalancerClusterFeature"/>.
/// </summary>
internal sealed class ConsistentHashFeature : IRouteFeature, IListenerFeature
{
    public string Name => "btp.loadBalancer.consistentHash";

    public void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute)
    {
        if (Hash(route.Traffic) is not { } hash || xdsRoute.Route_ is not { } action)
        {
            return;
        }

        switch (hash.Type)
        {
            case "SourceIP":
                action.HashPolicy.Add(new RouteAction.Types.HashPolicy { ConnectionProperties = new RouteAction.Types.HashPolicy.Types.ConnectionProperties { SourceIp = true } });
                break;
            case "Header":
            case "Headers":
                if (hash.Header is { } header)
                {
                    action.HashPolicy.Add(HeaderHash(header));
                }

                foreach (var name in hash.Headers)
                {
                    action.HashPolicy.Add(HeaderHash(name));
                }

                break;
            case "Cookie" when hash.Cookie is { } cookie:
                var policy = new RouteAction.Types.HashPolicy.Types.Cookie { Name = cookie };
                if (hash.CookieTtlNanoseconds is { } ttl)
                {
                    policy.Ttl = ProtoDefaults.Nanos(ttl);
                }

                foreach (var (name, value) in hash.CookieAttributes ?? [])
                {
                    policy.Attributes.Add(new RouteAction.Types.HashPolicy.Types.CookieAttribute { Name = name, Value = value });
                }

                action.HashPolicy.Add(new RouteAction.Types.HashPolicy { Cookie = policy });
                break;
            case "QueryParams":
                foreach (var name in hash.QueryParams)
                {
                    action.HashPolicy.Add(new RouteAction.Types.HashPolicy { QueryParameter = new RouteAction.Types.HashPolicy.Types.QueryParameter { Name = name } });
                }

                break;
        }
    }

    public void PatchTcpProxy(TcpListenerIr listener, TcpRouteIr route, TcpProxy proxy)
    {
        if (Hash(route.Traffic) is { Type: "SourceIP" })
        {
            proxy.HashPolicy.Add(new global::Envoy.Type.V3.HashPolicy { SourceIp = new global::Envoy.Type.V3.HashPolicy.Types.SourceIp() });
        }
    }

    private static ConsistentHashIr? Hash(BackendTrafficFeatureSet? traffic) =>
        traffic?.LoadBalancer is { Type: "ConsistentHash", ConsistentHash: { } hash } ? hash : null;

    private static RouteAction.Types.HashPolicy HeaderHash(string name) =>
        new() { Header = new RouteAction.Types.HashPolicy.Types.Header { HeaderName = name } };
}
