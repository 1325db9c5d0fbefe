using System.Linq;
using System.Text;
using Envoy.Extensions.Filters.Http.BasicAuth.V3;
using NUnit.Framework;
using Xds.Type.V3;
using static EnvoyGateway.Sdk.Xds.Tests.Security.SecurityInputs;

namespace EnvoyGateway.Sdk.Xds.Tests.Security;

public class BasicAndApiKeyAuthTests
{
    private const string Htpasswd = "alice:{SHA}44rSFJQ9qtHWTBAvrsKd5K/p2j0=\n";

    [Test]
    public void Basic_auth_is_a_disabled_filter_per_policy_enabled_on_its_routes()
    {
        var xds = Translate(Secret("default", "users", ".htpasswd", Htpasswd),
            Policy("basic", "HTTPRoute", "backend", "  basicAuth:\n    users:\n      name: users\n    forwardUsernameHeader: x-user"));

        var filter = Filter(xds, "envoy.filters.http.basic_auth/securitypolicy/default/basic");
        Assert.That(filter.Disabled, Is.True);
        var config = filter.TypedConfig.Unpack<BasicAuth>();
        Assert.That(config.Users.InlineBytes.ToStringUtf8(), Is.EqualTo(Htpasswd));
        Assert.That(config.ForwardUsernameHeader, Is.EqualTo("x-user"));

        var perRoute = XdsRoute(xds, BackendRoute).TypedPerFilterConfig["envoy.filters.http.basic_auth/securitypolicy/default/basic"].Unpack<BasicAuthPerRoute>();
        Assert.That(perRoute.Users.InlineBytes.ToStringUtf8(), Is.EqualTo(Htpasswd));
        Assert.That(XdsRoute(xds, OtherRoute).TypedPerFilterConfig, Is.Empty);
    }

    [Test]
    public void Api_key_auth_is_a_typed_struct_with_a_warning_naming_the_missing_message()
    {
        var xds = Translate(Secret("default", "keys", "client-1", "key-1"), Policy("keys", "HTTPRoute", "backend", """
              apiKeyAuth:
                credentialRefs:
                - name: keys
                extractFrom:
                - headers: [x-api-key]
                - params: [api_key]
                forwardClientIDHeader: x-client-id
            """));

        var filter = Filter(xds, "envoy.filters.http.api_key_auth");
        Assert.That(filter.Disabled, Is.True);
        var typed = filter.TypedConfig.Unpack<TypedStruct>();
        Assert.That(typed.TypeUrl, Is.EqualTo("type.googleapis.com/envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth"));
        var credential = typed.Value.Fields["credentials"].ListValue.Values.Single().StructValue;
        Assert.That(credential.Fields["client"].StringValue, Is.EqualTo("client-1"));
        Assert.That(credential.Fields["key"].StringValue, Is.EqualTo("key-1"));
        var sources = typed.Value.Fields["keySources"].ListValue.Values.Select(v => v.StructValue.Fields.Single()).ToList();
        Assert.That(sources.Select(s => (s.Key, s.Value.StringValue)), Is.EqualTo(new[] { ("header", "x-api-key"), ("query", "api_key") }));
        Assert.That(typed.Value.Fields["forwarding"].StructValue.Fields["header"].StringValue, Is.EqualTo("x-client-id"));
        Assert.That(typed.Value.Fields["forwarding"].StructValue.Fields.ContainsKey("hideCredentials"), Is.False);

        var perRoute = XdsRoute(xds, BackendRoute).TypedPerFilterConfig["envoy.filters.http.api_key_auth"].Unpack<TypedStruct>();
        Assert.That(perRoute.TypeUrl, Does.EndWith("ApiKeyAuthPerRoute"));
        Assert.That(xds.Warnings, Has.Some.Contains("envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth is not in the compiled Envoy API"));
        Assert.That(xds.Warnings.Any(w => w.Contains("key-1", System.StringComparison.Ordinal)), Is.False, "keys never appear in messages");
    }
}
