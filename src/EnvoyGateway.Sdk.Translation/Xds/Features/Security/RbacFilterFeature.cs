using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Rbac.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// SecurityPolicy <c>authorization</c> on HTTP routes (envoy-mapping.md §3, §6 pattern A): an empty
/// <c>envoy.filters.http.rbac</c> filter (allows everything on routes without a policy) and per route
/// <c>RBACPerRoute.rbac.matcher</c> built by <see cref="RbacMatchers"/>.
/// </summary>
internal sealed class RbacFilterFeature : IHttpFilterFeature, IIrFeature
{
    public const string FilterName = "envoy.filters.http.rbac";

    public string Name => "sp.authorization";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var policy in SecurityPolicies.Of(gateway.HttpListeners.SelectMany(l => l.Routes)).Where(p => p.Features.Authorization is not null))
        {
            var warnings = new List<string>();
            RbacMatchers.Build(policy.Features.Authorization!, true, warnings);
            foreach (var warning in warnings)
            {
                SecurityPolicies.Warn(gateway, $"SecurityPolicy {policy.Namespace}/{policy.Name} authorization {warning}.");
            }
        }
    }

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (routes.Any(r => r.Security?.Features.Authorization is not null))
        {
            yield return new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(new RBAC()) };
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Security?.Features.Authorization is { } authorization)
        {
            var rbac = new RBAC { Matcher = RbacMatchers.Build(authorization, true, new List<string>()) };
            xdsRoute.TypedPerFilterConfig[FilterName] = Any.Pack(new RBACPerRoute { Rbac = rbac });
        }
    }
}
