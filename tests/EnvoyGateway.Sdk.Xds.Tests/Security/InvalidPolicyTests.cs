using XdsRouteAction = Envoy.Config.Route.V3.Route.ActionOneofCase;
using NUnit.Framework;
using static EnvoyGateway.Sdk.Xds.Tests.Security.SecurityInputs;

namespace EnvoyGateway.Sdk.Xds.Tests.Security;

public class InvalidPolicyTests
{
    [Test]
    public void A_policy_that_fails_to_build_answers_500_but_keeps_what_built()
    {
        var xds = Translate(Policy("broken", "HTTPRoute", "backend", """
              cors:
                allowOrigins: [https://www.foo.com]
              basicAuth:
                users:
                  name: missing-secret
            """));

        var route = XdsRoute(xds, BackendRoute);
        Assert.That(route.ActionCase, Is.EqualTo(XdsRouteAction.DirectResponse));
        Assert.That(route.DirectResponse.Status, Is.EqualTo(500));
        Assert.That(route.TypedPerFilterConfig.ContainsKey("envoy.filters.http.cors"), Is.True, "partial application");
        Assert.That(XdsRoute(xds, OtherRoute).ActionCase, Is.EqualTo(XdsRouteAction.Route_));
    }

    [Test]
    public void Fail_open_ext_auth_errors_only_drop_ext_auth()
    {
        var xds = Translate(Policy("open", "HTTPRoute", "backend", """
              extAuth:
                failOpen: true
                grpc:
                  backendRefs:
                  - name: nowhere
                    port: 9000
            """));

        var route = XdsRoute(xds, BackendRoute);
        Assert.That(route.ActionCase, Is.EqualTo(XdsRouteAction.Route_));
        Assert.That(route.TypedPerFilterConfig, Is.Empty);
    }

    [Test]
    public void A_route_policy_failing_route_validation_applies_nothing_not_even_the_gateway_policy()
    {
        var xds = Translate(
            Policy("gw", "Gateway", "eg", "  cors:\n    allowOrigins: [https://www.foo.com]"),
            Policy("route", "HTTPRoute", "backend", "  oidc:\n    passThroughAuthHeader: true\n    provider:\n      issuer: https://oauth.foo.com\n    clientID: c\n    clientSecret:\n      name: s"));

        Assert.That(XdsRoute(xds, BackendRoute).TypedPerFilterConfig, Is.Empty);
        Assert.That(XdsRoute(xds, BackendRoute).ActionCase, Is.EqualTo(XdsRouteAction.Route_));
        Assert.That(XdsRoute(xds, OtherRoute).TypedPerFilterConfig.ContainsKey("envoy.filters.http.cors"), Is.True);
    }
}
