using System.Collections.Generic;
using System.Linq;
using System.Text;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// SecurityPolicy <c>apiKeyAuth</c> (envoy-mapping.md §3, §6 pattern B): a single disabled
/// <c>envoy.filters.http.api_key_auth</c> filter with the first policy's config, enabled per route by
/// <c>ApiKeyAuthPerRoute</c> — credentials (client = Secret key, key = its value), key sources (one per header, query
/// parameter or cookie) and forwarding (only when forwardClientIDHeader or sanitize is set). The compiled API has no
/// api_key_auth proto, so both are TypedStructs and a warning names the message.
/// </summary>
internal sealed class ApiKeyAuthFilterFeature : IHttpFilterFeature, IIrFeature
{
    public const string FilterName = "envoy.filters.http.api_key_auth";
    public const string Message = "envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth";
    public const string PerRouteMessage = "envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuthPerRoute";

    public string Name => "sp.apiKeyAuth";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var policy in SecurityPolicies.Of(gateway).Where(p => p.Features.ApiKeyAuth is not null))
        {
            SecurityPolicies.Warn(gateway, SecurityPolicies.PackedAsTypedStruct(policy, Message, "apiKeyAuth"));
        }
    }

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (SecurityPolicies.Of(routes).FirstOrDefault(p => p.Features.ApiKeyAuth is not null) is { } first)
        {
            yield return new HttpFilter { Name = FilterName, Disabled = true, TypedConfig = EnvoyApiGaps.PackAsTypedStruct(Message, Config(first.Features.ApiKeyAuth!)) };
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Security?.Features.ApiKeyAuth is { } apiKeyAuth)
        {
            xdsRoute.TypedPerFilterConfig[FilterName] = EnvoyApiGaps.PackAsTypedStruct(PerRouteMessage, Config(apiKeyAuth));
        }
    }

    /// <summary>The ApiKeyAuth / ApiKeyAuthPerRoute fields in proto3 JSON shape.</summary>
    internal static Struct Config(ApiKeyAuthIr apiKeyAuth)
    {
        var config = new Struct();
        config.Fields["credentials"] = Value.ForList(apiKeyAuth.Credentials
            .Select(c => Value.ForStruct(new Struct { Fields = { ["client"] = Value.ForString(c.Key), ["key"] = Value.ForString(Encoding.UTF8.GetString(c.Value)) } }))
            .ToArray());
        var sources = new List<Value>();
        foreach (var source in apiKeyAuth.ExtractFrom)
        {
            sources.AddRange(source.Headers.Select(h => Source("header", h)));
            sources.AddRange(source.Params.Select(p => Source("query", p)));
            sources.AddRange(source.Cookies.Select(c => Source("cookie", c)));
        }

        config.Fields["keySources"] = Value.ForList(sources.ToArray());
        if (!string.IsNullOrEmpty(apiKeyAuth.ForwardClientIdHeader) || apiKeyAuth.Sanitize)
        {
            var forwarding = new Struct();
            if (!string.IsNullOrEmpty(apiKeyAuth.ForwardClientIdHeader))
            {
                forwarding.Fields["header"] = Value.ForString(apiKeyAuth.ForwardClientIdHeader);
            }

            if (apiKeyAuth.Sanitize)
            {
                forwarding.Fields["hideCredentials"] = Value.ForBool(true);
            }

            config.Fields["forwarding"] = Value.ForStruct(forwarding);
        }

        return config;
    }

    private static Value Source(string kind, string name) => Value.ForStruct(new Struct { Fields = { [kind] = Value.ForString(name) } });
}
