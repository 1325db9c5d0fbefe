using System.Linq;
using Envoy.Extensions.Filters.Http.Cors.V3;
using NUnit.Framework;
using static EnvoyGateway.Sdk.Xds.Tests.Security.SecurityInputs;

namespace EnvoyGateway.Sdk.Xds.Tests.Security;

public class CorsTests
{
    [Test]
    public void Cors_is_an_empty_filter_and_a_per_route_policy_with_envoy_gateway_defaults()
    {
        var xds = Translate(Policy("cors", "HTTPRoute", "backend", """
              cors:
                allowOrigins:
                - https://www.foo.com
                - https://*.bar.com
                allowMethods: [GET, POST]
                allowHeaders: ["*"]
                maxAge: 10m
            """));

        Assert.That(Filter(xds, "envoy.filters.http.cors").TypedConfig.Unpack<Cors>(), Is.EqualTo(new Cors()));
        var names = Hcm(xds).HttpFilters.Select(f => f.Name).ToList();
        Assert.That(names, Is.EqualTo(new[] { "envoy.filters.http.cors", "envoy.filters.http.router" }));

        var policy = XdsRoute(xds, BackendRoute).TypedPerFilterConfig["envoy.filters.http.cors"].Unpack<CorsPolicy>();
        Assert.That(policy.AllowOriginStringMatch[0].Exact, Is.EqualTo("https://www.foo.com"));
        Assert.That(policy.AllowOriginStringMatch[1].SafeRegex.Regex, Is.EqualTo("https://.*\\.bar\\.com"));
        Assert.That(policy.AllowMethods, Is.EqualTo("GET, POST"));
        Assert.That(policy.AllowHeaders, Is.EqualTo("*"));
        Assert.That(policy.ExposeHeaders, Is.Empty);
        Assert.That(policy.MaxAge, Is.EqualTo("600"));
        Assert.That(policy.AllowCredentials, Is.False, "always present, false unless set");
        Assert.That(policy.ForwardNotMatchingPreflights, Is.False);

        Assert.That(XdsRoute(xds, OtherRoute).TypedPerFilterConfig, Is.Empty, "a route without a policy gets no per-route config");
    }
}
