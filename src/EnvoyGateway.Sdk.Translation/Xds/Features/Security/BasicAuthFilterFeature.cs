using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.BasicAuth.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// SecurityPolicy <c>basicAuth</c> (envoy-mapping.md §3, §6 pattern B): one disabled
/// <c>envoy.filters.http.basic_auth/securitypolicy/&lt;ns&gt;/&lt;name&gt;</c> filter per policy with its htpasswd users
/// and <c>forward_username_header</c>, enabled on the policy's routes by <c>BasicAuthPerRoute</c> with the same users.
/// </summary>
internal sealed class BasicAuthFilterFeature : IHttpFilterFeature
{
    public const string FilterPrefix = "envoy.filters.http.basic_auth";

    public string Name => "sp.basicAuth";

    public static string FilterName(SecurityIr policy) => $"{FilterPrefix}/{policy.IrName}";

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        foreach (var policy in SecurityPolicies.Of(routes).Where(p => p.Features.BasicAuth is not null))
        {
            var basicAuth = policy.Features.BasicAuth!;
            var config = new BasicAuth { Users = Users(basicAuth.Users) };
            if (!string.IsNullOrEmpty(basicAuth.ForwardUsernameHeader))
            {
                config.ForwardUsernameHeader = basicAuth.ForwardUsernameHeader;
            }

            yield return new HttpFilter { Name = FilterName(policy), Disabled = true, TypedConfig = Any.Pack(config) };
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Security is { Features.BasicAuth: { } basicAuth } policy)
        {
            xdsRoute.TypedPerFilterConfig[FilterName(policy)] = Any.Pack(new BasicAuthPerRoute { Users = Users(basicAuth.Users) });
        }
    }

    private static DataSource Users(byte[] htpasswd) => new() { InlineBytes = ByteString.CopyFrom(htpasswd) };
}
