using Envoy.Config.Route.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// A SecurityPolicy that failed to translate (policy-attachment.md §8.3): its routes keep the features that did build
/// and answer every request with a direct 500, except when the only errors are ext auth errors with
/// <c>extAuth.failOpen</c> (then ext auth is simply omitted). GeoIP authorization errors only hit routes on listeners
/// without client IP detection.
/// </summary>
internal sealed class InvalidPolicyRouteFeature : IRouteFeature
{
    public string Name => "sp.invalid";

    public void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute)
    {
        if (route.Security?.Features.NeedsDirectResponse500 == true)
        {
            xdsRoute.DirectResponse = new DirectResponseAction { Status = 500 };
        }
    }
}
