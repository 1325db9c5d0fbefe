using System.Linq;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

public class FilterOrderTests
{
    [TestCase("envoy.filters.http.custom_response/backendtrafficpolicy/default/p", 0)]
    [TestCase("envoy.filters.http.fault", 2)]
    [TestCase("envoy.filters.http.ext_authz/securitypolicy/default/p", 6)]
    [TestCase("envoy.filters.http.jwt_authn", 10)]
    [TestCase("envoy.filters.http.lua/envoyextensionpolicy/default/p/2", 15)]
    [TestCase("envoy.filters.http.ext_proc/envoyextensionpolicy/default/p/1", 101)]
    [TestCase("envoy.filters.http.wasm/envoyextensionpolicy/default/p/0", 200)]
    [TestCase("envoy.filters.http.compressor.gzip", 308)]
    [TestCase("envoy.filters.http.ratelimit/default/shared", 303)]
    [TestCase("envoy.filters.http.local_ratelimit", 302)]
    [TestCase("envoy.filters.http.router", 310)]
    [TestCase("envoy.filters.http.something_new", 50)]
    [TestCase("envoy.filters.http.faultless", 50)]
    public void Filter_types_are_ranked_by_name_prefix(string name, int rank) => Assert.That(HttpFilterOrder.Rank(name), Is.EqualTo(rank));

    [Test]
    public void Filters_sort_by_rank_then_name_with_the_router_last()
    {
        var names = new[]
        {
            "envoy.filters.http.router", "envoy.filters.http.rbac", "envoy.filters.http.basic_auth/securitypolicy/default/policy-b",
            "envoy.filters.http.oauth2", "envoy.filters.http.basic_auth/securitypolicy/default/policy-a", "envoy.filters.http.cors",
            "envoy.filters.http.custom", "envoy.filters.http.jwt_authn",
        };
        var sorted = HttpFilterOrder.Sort(names.Select(n => new HttpFilter { Name = n })).Select(f => f.Name);
        Assert.That(sorted, Is.EqualTo(new[]
        {
            "envoy.filters.http.cors",
            "envoy.filters.http.basic_auth/securitypolicy/default/policy-a",
            "envoy.filters.http.basic_auth/securitypolicy/default/policy-b",
            "envoy.filters.http.oauth2",
            "envoy.filters.http.jwt_authn",
            "envoy.filters.http.custom",
            "envoy.filters.http.rbac",
            "envoy.filters.http.router",
        }));
    }

    [Test]
    public void Duplicate_filter_names_keep_the_first_config()
    {
        var first = new HttpFilter { Name = "envoy.filters.http.cors", Disabled = true };
        var sorted = HttpFilterOrder.Sort([first, new HttpFilter { Name = "envoy.filters.http.cors" }]);
        Assert.That(sorted, Has.Count.EqualTo(1));
        Assert.That(sorted[0].Disabled, Is.True);
    }
}
