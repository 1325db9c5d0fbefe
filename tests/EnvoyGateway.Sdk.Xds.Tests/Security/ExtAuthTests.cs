using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Http.ExtAuthz.V3;
using UpstreamOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;
using NUnit.Framework;
using static EnvoyGateway.Sdk.Xds.Tests.Security.SecurityInputs;

namespace EnvoyGateway.Sdk.Xds.Tests.Security;

public class ExtAuthTests
{
    [Test]
    public void Grpc_ext_auth_defaults_a_10s_timeout_and_gets_an_http2_eds_cluster()
    {
        var xds = Translate(Inputs.Service("authz", 9000, "10.0.0.9"), Policy("authz", "HTTPRoute", "backend", """
              extAuth:
                headersToExtAuth: [x-user]
                grpc:
                  backendRefs:
                  - name: authz
                    port: 9000
                contextExtensions:
                - name: tenant
                  type: Value
                  value: blue
            """));

        var filter = Filter(xds, "envoy.filters.http.ext_authz/securitypolicy/default/authz");
        Assert.That(filter.Disabled, Is.True);
        var config = filter.TypedConfig.Unpack<ExtAuthz>();
        Assert.That(config.GrpcService.EnvoyGrpc.ClusterName, Is.EqualTo("securitypolicy/default/authz/extauth/0"));
        Assert.That(config.GrpcService.EnvoyGrpc.Authority, Is.EqualTo("authz.default:9000"));
        Assert.That(config.GrpcService.Timeout.Seconds, Is.EqualTo(10));
        Assert.That(config.FailureModeAllow, Is.False);
        Assert.That(config.TransportApiVersion, Is.EqualTo(ApiVersion.V3));
        Assert.That(config.AllowedHeaders.Patterns.Single().Exact, Is.EqualTo("x-user"));
        Assert.That(config.AllowedHeaders.Patterns.Single().IgnoreCase, Is.True);
        Assert.That(config.WithRequestBody, Is.Null);

        var perRoute = XdsRoute(xds, BackendRoute).TypedPerFilterConfig["envoy.filters.http.ext_authz/securitypolicy/default/authz"].Unpack<ExtAuthzPerRoute>();
        Assert.That(perRoute.CheckSettings.ContextExtensions["tenant"], Is.EqualTo("blue"));

        var cluster = xds.Clusters.Single(c => c.Name == "securitypolicy/default/authz/extauth/0");
        Assert.That(cluster.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<UpstreamOptions>().ExplicitHttpConfig.Http2ProtocolOptions, Is.Not.Null);
        Assert.That(cluster.ConnectTimeout.Seconds, Is.EqualTo(10));
        var endpoint = xds.Endpoints.Single(e => e.ClusterName == "securitypolicy/default/authz/extauth/0").Endpoints.Single();
        Assert.That(endpoint.Locality.Region, Is.EqualTo("securitypolicy/default/authz/extauth/0/backend/0"));
        Assert.That(endpoint.LbEndpoints.Single().Endpoint.Address.SocketAddress.Address, Is.EqualTo("10.0.0.9"));
    }

    [Test]
    public void Http_ext_auth_uses_the_service_uri_and_reports_the_missing_path_override()
    {
        var xds = Translate(Inputs.Service("authz", 8080, "10.0.0.9"), Policy("authz", "HTTPRoute", "backend", """
              extAuth:
                timeout: 2s
                http:
                  path: /check
                  pathOverride: /override
                  headersToBackend: [x-user-id]
                  backendRefs:
                  - name: authz
                    port: 8080
            """));

        var config = Filter(xds, "envoy.filters.http.ext_authz/securitypolicy/default/authz").TypedConfig.Unpack<ExtAuthz>();
        Assert.That(config.GrpcService, Is.Null);
        Assert.That(config.HttpService.ServerUri.Uri, Is.EqualTo("http://authz.default:8080/check"));
        Assert.That(config.HttpService.ServerUri.Cluster, Is.EqualTo("securitypolicy/default/authz/extauth/0"));
        Assert.That(config.HttpService.ServerUri.Timeout.Seconds, Is.EqualTo(2));
        Assert.That(config.HttpService.PathPrefix, Is.EqualTo("/check"));
        Assert.That(config.HttpService.AuthorizationResponse.AllowedUpstreamHeaders.Patterns.Single().Exact, Is.EqualTo("x-user-id"));
        Assert.That(xds.Warnings, Has.Some.Contains("envoy.extensions.filters.http.ext_authz.v3.HttpService.path_override").And.Contains("extAuth.http.pathOverride"));
        Assert.That(xds.Clusters.Single(c => c.Name == "securitypolicy/default/authz/extauth/0").TypedExtensionProtocolOptions, Is.Empty, "HTTP/1.1 to an HTTP service");
    }
}
