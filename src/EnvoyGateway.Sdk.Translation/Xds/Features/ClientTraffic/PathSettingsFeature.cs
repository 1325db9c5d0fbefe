using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EscapedSlashes = Envoy.Extensions.Filters.Network.HttpConnectionManager.V3.HttpConnectionManager.Types.PathWithEscapedSlashesAction;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>path</c> → <c>HCM.merge_slashes</c> (<c>!disableMergeSlashes</c>) and
/// <c>HCM.path_with_escaped_slashes_action</c> (envoy-mapping.md §2); <c>normalize_path</c> stays on.
/// </summary>
internal sealed class PathSettingsFeature : IListenerFeature
{
    public string Name => "ctp.path";

    public void PatchHttpConnectionManager(HttpListenerIr listener, HttpConnectionManager hcm)
    {
        if (listener.ClientTraffic?.Path is not { } path)
        {
            return;
        }

        hcm.MergeSlashes = path.MergeSlashes;
        hcm.PathWithEscapedSlashesAction = path.EscapedSlashesAction switch
        {
            "KeepUnchanged" => EscapedSlashes.KeepUnchanged,
            "RejectRequest" => EscapedSlashes.RejectRequest,
            "UnescapeAndForward" => EscapedSlashes.UnescapeAndForward,
            _ => EscapedSlashes.UnescapeAndRedirect,
        };
    }
}
