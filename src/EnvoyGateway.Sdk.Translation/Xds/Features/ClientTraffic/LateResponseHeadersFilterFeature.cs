using System.Collections.Generic;
using Envoy.Extensions.Filters.Http.HeaderMutation.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>headers.lateResponseHeaders</c> → HCM filter <c>envoy.filters.http.header_mutation</c> with
/// <c>mutations.response_mutations</c> (envoy-mapping.md §2), from the listener that owns the HCM. <c>removeOnMatch</c>
/// is reported: the compiled API has no <c>HeaderMutation.remove_on_match</c>.
/// </summary>
internal sealed class LateResponseHeadersFilterFeature : IHttpFilterFeature, IIrFeature
{
    public const string FilterName = "envoy.filters.http.header_mutation";

    public string Name => "ctp.headers.lateResponseHeaders";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var listener in gateway.HttpListeners)
        {
            if (listener.ClientTraffic?.Headers?.LateRemoveOnMatch == true)
            {
                ClientTrafficGaps.Warn(gateway, listener, HeaderMutationRules.RemoveOnMatchMessage, "remove_on_match", "headers.lateResponseHeaders.removeOnMatch");
            }
        }
    }

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        if (listeners.Count == 0 || listeners[0].ClientTraffic?.Headers is not { } headers
            || (headers.LateAddResponseHeaders.Count == 0 && headers.LateRemoveResponseHeaders.Count == 0))
        {
            yield break;
        }

        var config = new HeaderMutation { Mutations = new Mutations() };
        config.Mutations.ResponseMutations.AddRange(HeaderMutationRules.Build(headers.LateAddResponseHeaders, headers.LateRemoveResponseHeaders));
        yield return new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(config) };
    }
}
