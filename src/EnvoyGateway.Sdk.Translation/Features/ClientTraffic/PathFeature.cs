using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary><c>spec.path</c>: merge slashes and escaped-slashes action (no errors).</summary>
internal static class PathFeature
{
    public static PathSettings? Build(ClientTrafficPolicySpecPath? path) =>
        path is null
            ? null
            : new PathSettings(!(path.DisableMergeSlashes ?? false), path.EscapedSlashesAction?.Value ?? "UnescapeAndRedirect");
}
