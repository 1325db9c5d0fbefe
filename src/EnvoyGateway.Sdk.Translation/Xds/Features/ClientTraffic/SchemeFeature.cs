using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>scheme: MatchBackend</c> → <c>HCM.scheme_header_transformation.match_upstream</c>
/// (envoy-mapping.md §2); <c>Preserve</c> leaves the HCM alone.
/// </summary>
internal sealed class SchemeFeature : IListenerFeature
{
    public string Name => "ctp.scheme";

    public void PatchHttpConnectionManager(HttpListenerIr listener, HttpConnectionManager hcm)
    {
        if (listener.ClientTraffic?.SchemeMatchBackend == true)
        {
            hcm.SchemeHeaderTransformation = new SchemeHeaderTransformation { MatchUpstream = true };
        }
    }
}
