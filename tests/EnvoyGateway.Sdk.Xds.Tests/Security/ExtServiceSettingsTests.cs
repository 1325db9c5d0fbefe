using System.Linq;
using Envoy.Config.Cluster.V3;
using Envoy.Extensions.Filters.Http.ExtAuthz.V3;
using Envoy.Extensions.Filters.Http.JwtAuthn.V3;
using Envoy.Extensions.LoadBalancingPolicies.Maglev.V3;
using Envoy.Extensions.TransportSockets.ProxyProtocol.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Translation.Xds;
using EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;
using NUnit.Framework;
using Xds.Type.V3;
using static EnvoyGateway.Sdk.Xds.Tests.Security.SecurityInputs;
using UpstreamOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;
using XdsRouteAction = Envoy.Config.Route.V3.Route.ActionOneofCase;

namespace EnvoyGateway.Sdk.Xds.Tests.Security;

/// <summary>
/// <c>backendSettings</c> of SecurityPolicy external services (envoy-mapping.md §1, "retry on ext-service backends"
/// and the ClusterSettings rows): each setting lands on the service's cluster or filter config, or is reported.
/// </summary>
public class ExtServiceSettingsTests
{
    private const string HpoKey = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";
    private const string ExtAuthFilter = "envoy.filters.http.ext_authz/securitypolicy/default/authz";
    private const string ExtAuthCluster = "securitypolicy/default/authz/extauth/0";
    private const string DefaultRetryOn = "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";

    private static GatewayXdsResources ExtAuth(string service, string backendSettings) =>
        Translate(Inputs.Service("authz", 9000, "10.0.0.9"), Policy("authz", "HTTPRoute", "backend", $"""
              extAuth:
                {service}:
                  backendRefs:
                  - name: authz
                    port: 9000
                  backendSettings:
            {Indent(backendSettings, 8)}
            """));

    private static string Indent(string text, int spaces) => string.Join('\n', text.Trim('\n').Split('\n').Select(l => new string(' ', spaces) + l));

    private static ExtAuthz ExtAuthConfig(GatewayXdsResources xds) => Filter(xds, ExtAuthFilter).TypedConfig.Unpack<ExtAuthz>();

    private static string Warning(string field, string reason) => SecurityWarning("authz", field, reason);

    private static string SecurityWarning(string policy, string field, string reason) => $"SecurityPolicy default/{policy} {field}: not translated ({reason}).";

    [Test]
    public void Grpc_ext_auth_retry_defaults_to_the_route_retry_on_and_two_retries()
    {
        var xds = ExtAuth("grpc", "retry: {}");

        var retry = ExtAuthConfig(xds).GrpcService.RetryPolicy;
        Assert.That(retry.RetryOn, Is.EqualTo(DefaultRetryOn));
        Assert.That(retry.NumRetries, Is.EqualTo(2));
        Assert.That(retry.RetryBackOff, Is.Null);
        Assert.That(xds.Warnings, Has.None.Contains("backendSettings"));
    }

    [Test]
    public void Grpc_ext_auth_retry_takes_triggers_count_and_back_off_and_reports_what_only_routes_have()
    {
        var xds = ExtAuth("grpc", """
            retry:
              numRetries: 5
              numAttemptsPerPriority: 2
              retryOn:
                triggers: [5xx, reset]
                httpStatusCodes: [503]
              perRetry:
                timeout: 1s
                backOff:
                  baseInterval: 100ms
                  maxInterval: 2s
            """);

        var retry = ExtAuthConfig(xds).GrpcService.RetryPolicy;
        Assert.That(retry.RetryOn, Is.EqualTo("5xx,reset"));
        Assert.That(retry.NumRetries, Is.EqualTo(5));
        Assert.That(retry.RetryBackOff.BaseInterval.Nanos, Is.EqualTo(100_000_000));
        Assert.That(retry.RetryBackOff.MaxInterval.Seconds, Is.EqualTo(2));
        Assert.That(retry.RetryHostPredicate, Is.Empty, "the core retry policy carries only retry_on, num_retries and the back-off");
        Assert.That(xds.Warnings, Is.SupersetOf(new[]
        {
            Warning("extAuth.grpc.backendSettings.retry.perRetry.timeout", "per-try timeouts exist only for route retries"),
            Warning("extAuth.grpc.backendSettings.retry.retryOn.httpStatusCodes", "retriable status codes exist only for route retries"),
            Warning("extAuth.grpc.backendSettings.retry.numAttemptsPerPriority", "retry priorities exist only for route retries"),
        }));
    }

    [Test]
    public void Http_ext_auth_retry_needs_the_http_service_retry_policy_the_compiled_api_lacks()
    {
        var xds = ExtAuth("http", "retry:\n  numRetries: 3\nhttp2:\n  maxConcurrentStreams: 10");

        Assert.That(ExtAuthConfig(xds).HttpService.ServerUri.Cluster, Is.EqualTo(ExtAuthCluster));
        Assert.That(xds.Warnings, Is.SupersetOf(new[]
        {
            "SecurityPolicy default/authz extAuth.http.backendSettings.retry: envoy.extensions.filters.http.ext_authz.v3.HttpService.retry_policy is not in the compiled Envoy API; not emitted.",
            Warning("extAuth.http.backendSettings.http2", "the service is called over HTTP/1.1"),
        }));
    }

    [Test]
    public void Cluster_settings_land_on_the_ext_auth_cluster()
    {
        var xds = ExtAuth("grpc", """
            circuitBreaker:
              maxConnections: 10
              maxRequestsPerConnection: 5
              perEndpoint:
                maxConnections: 2
            timeout:
              tcp:
                connectTimeout: 3s
              http:
                connectionIdleTimeout: 60s
                maxStreamDuration: 30s
            tcpKeepalive:
              probes: 4
            connection:
              bufferLimit: 64Ki
            loadBalancer:
              type: RoundRobin
              slowStart:
                window: 5s
            healthCheck:
              passive:
                consecutive5XxErrors: 7
              active:
                type: GRPC
                grpc:
                  service: authz
            http2:
              maxConcurrentStreams: 50
            proxyProtocol:
              version: V2
            """);

        var cluster = xds.Clusters.Single(c => c.Name == ExtAuthCluster);
        var thresholds = cluster.CircuitBreakers.Thresholds.Single();
        Assert.That(thresholds.MaxConnections, Is.EqualTo(10));
        Assert.That(thresholds.MaxRetries, Is.EqualTo(1024), "Envoy Gateway's default stays");
        Assert.That(cluster.CircuitBreakers.PerHostThresholds.Single().MaxConnections, Is.EqualTo(2));
        Assert.That(cluster.ConnectTimeout.Seconds, Is.EqualTo(3));
        Assert.That(cluster.UpstreamConnectionOptions.TcpKeepalive.KeepaliveProbes, Is.EqualTo(4));
        Assert.That(cluster.PerConnectionBufferLimitBytes, Is.EqualTo(65536));
        Assert.That(cluster.LoadBalancingPolicy.Policies.Single().TypedExtensionConfig.Name, Is.EqualTo("envoy.load_balancing_policies.round_robin"));
        Assert.That(cluster.OutlierDetection.Consecutive5Xx, Is.EqualTo(7));
        Assert.That(cluster.HealthChecks.Single().GrpcHealthCheck.ServiceName, Is.EqualTo("authz"));
        Assert.That(cluster.TransportSocket.TypedConfig.Unpack<ProxyProtocolUpstreamTransport>().Config.Version, Is.EqualTo(global::Envoy.Config.Core.V3.ProxyProtocolConfig.Types.Version.V2));

        var options = cluster.TypedExtensionProtocolOptions[HpoKey].Unpack<UpstreamOptions>();
        Assert.That(options.CommonHttpProtocolOptions.MaxRequestsPerConnection, Is.EqualTo(5));
        Assert.That(options.CommonHttpProtocolOptions.IdleTimeout.Seconds, Is.EqualTo(60));
        Assert.That(options.CommonHttpProtocolOptions.MaxStreamDuration.Seconds, Is.EqualTo(30), "a cluster no route uses keeps its stream duration in the protocol options");
        Assert.That(options.ExplicitHttpConfig.Http2ProtocolOptions.MaxConcurrentStreams, Is.EqualTo(50));
        Assert.That(options.ExplicitHttpConfig.Http2ProtocolOptions.InitialStreamWindowSize, Is.EqualTo(65536));
        Assert.That(xds.Warnings, Has.None.Contains("backendSettings"));
    }

    [Test]
    public void Consistent_hash_gets_maglev_but_its_hash_policy_is_reported_and_route_only_settings_are_named()
    {
        var xds = ExtAuth("grpc", """
            loadBalancer:
              type: ConsistentHash
              consistentHash:
                type: SourceIP
                tableSize: 524287
            timeout:
              http:
                requestTimeout: 2s
                streamIdleTimeout: 5s
            circuitBreaker:
              retryBudget:
                percent:
                  numerator: 20
            connection:
              socketBufferLimit: 1Mi
            dns:
              dnsRefreshRate: 5s
            healthCheck:
              active:
                type: TCP
                healthCheckLog:
                  sinks: []
            """);

        var cluster = xds.Clusters.Single(c => c.Name == ExtAuthCluster);
        var lb = cluster.LoadBalancingPolicy.Policies.Single().TypedExtensionConfig;
        Assert.That(lb.Name, Is.EqualTo("envoy.load_balancing_policies.maglev"));
        Assert.That(lb.TypedConfig.Unpack<Maglev>().TableSize, Is.EqualTo(524287));
        Assert.That(cluster.HealthChecks.Single().TcpHealthCheck, Is.Not.Null);
        const string Field = "extAuth.grpc.backendSettings";
        Assert.That(xds.Warnings, Is.SupersetOf(new[]
        {
            $"SecurityPolicy default/authz {Field}.loadBalancer.consistentHash: envoy.extensions.upstreams.http.v3.HttpProtocolOptions.hash_policy is not in the compiled Envoy API; not emitted.",
            Warning(Field + ".timeout.http.requestTimeout", "request timeouts belong to routes; the service call has its own timeout"),
            Warning(Field + ".timeout.http.streamIdleTimeout", "stream idle timeouts belong to routes"),
            Warning(Field + ".circuitBreaker.retryBudget", "retry budgets are not built"),
            Warning(Field + ".connection.socketBufferLimit", "not implemented by Envoy Gateway"),
            Warning(Field + ".dns", "the backends are Services with IP endpoints, resolved through EDS; only lookupFamily applies"),
            Warning(Field + ".healthCheck.active.healthCheckLog", "health-check logging is not built"),
        }));
    }

    [Test]
    public void Remote_jwks_retry_dns_and_cluster_settings_apply_to_the_url_cluster()
    {
        var xds = Translate(Policy("jwt", "HTTPRoute", "backend", """
              jwt:
                providers:
                - name: example
                  remoteJWKS:
                    uri: https://raw.example.com/jwks.json
                    backendSettings:
                      retry:
                        numRetries: 4
                        perRetry:
                          backOff:
                            baseInterval: 1s
                      dns:
                        dnsRefreshRate: 5s
                        respectDnsTtl: false
                        lookupFamily: IPv4
                      healthCheck:
                        active:
                          type: HTTP
                          http:
                            path: /healthz
                          overrides:
                            port: 8443
                      proxyProtocol:
                        version: V1
            """));

        var provider = Filter(xds, "envoy.filters.http.jwt_authn").TypedConfig.Unpack<JwtAuthentication>().Providers.Values.Single();
        var retry = provider.RemoteJwks.RetryPolicy;
        Assert.That(retry.RetryOn, Is.EqualTo(DefaultRetryOn));
        Assert.That(retry.NumRetries, Is.EqualTo(4));
        Assert.That(retry.RetryBackOff.BaseInterval.Seconds, Is.EqualTo(1));
        Assert.That(retry.RetryBackOff.MaxInterval, Is.Null);

        var cluster = xds.Clusters.Single(c => c.Name == "raw_example_com_443");
        Assert.That(cluster.DnsLookupFamily, Is.EqualTo(Cluster.Types.DnsLookupFamily.V4Only));
        var dns = cluster.ClusterType.TypedConfig.Unpack<TypedStruct>().Value.Fields;
        Assert.That(dns["dnsRefreshRate"].StringValue, Is.EqualTo("5s"));
        Assert.That(dns["respectDnsTtl"].BoolValue, Is.False);
        Assert.That(dns["dnsLookupFamily"].StringValue, Is.EqualTo("V4_ONLY"));
        Assert.That(cluster.HealthChecks.Single().HttpHealthCheck.Path, Is.EqualTo("/healthz"));
        Assert.That(cluster.LoadAssignment.Endpoints.Single().LbEndpoints.Single().Endpoint.HealthCheckConfig.PortValue, Is.EqualTo(8443));
        var proxy = cluster.TransportSocket.TypedConfig.Unpack<ProxyProtocolUpstreamTransport>();
        Assert.That(proxy.TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>().Sni, Is.EqualTo("raw.example.com"), "proxy protocol wraps the TLS socket");
        Assert.That(xds.Warnings, Has.None.Contains("backendSettings"));
    }

    [Test]
    public void Url_clusters_keep_envoy_gateway_dns_defaults_without_settings()
    {
        var xds = Translate(Policy("jwt", "HTTPRoute", "backend", """
              jwt:
                providers:
                - name: example
                  remoteJWKS:
                    uri: https://raw.example.com/jwks.json
            """));

        var cluster = xds.Clusters.Single(c => c.Name == "raw_example_com_443");
        var dns = cluster.ClusterType.TypedConfig.Unpack<TypedStruct>().Value.Fields;
        Assert.That(dns["dnsRefreshRate"].StringValue, Is.EqualTo("30s"));
        Assert.That(dns["respectDnsTtl"].BoolValue, Is.True);
        Assert.That(dns["dnsLookupFamily"].StringValue, Is.EqualTo("V4_PREFERRED"));
        Assert.That(cluster.DnsLookupFamily, Is.EqualTo(Cluster.Types.DnsLookupFamily.V4Preferred));
        Assert.That(Filter(xds, "envoy.filters.http.jwt_authn").TypedConfig.Unpack<JwtAuthentication>().Providers.Values.Single().RemoteJwks.RetryPolicy, Is.Null);
    }

    [Test]
    public void A_url_cluster_refresh_rate_at_envoys_minimum_falls_back_to_the_default_and_is_reported()
    {
        var xds = Translate(Policy("jwt", "HTTPRoute", "backend", """
              jwt:
                providers:
                - name: example
                  remoteJWKS:
                    uri: https://raw.example.com/jwks.json
                    backendSettings:
                      dns:
                        dnsRefreshRate: 1ms
            """));

        var dns = xds.Clusters.Single(c => c.Name == "raw_example_com_443").ClusterType.TypedConfig.Unpack<TypedStruct>().Value.Fields;
        Assert.That(dns["dnsRefreshRate"].StringValue, Is.EqualTo("30s"));
        Assert.That(xds.Warnings, Has.Member(SecurityWarning("jwt", "jwt.providers[0].remoteJWKS.backendSettings.dns.dnsRefreshRate",
            "1ms is not above Envoy's 1ms minimum; the default 30s is used")));
    }

    [Test]
    public void A_service_with_fqdn_endpoints_gets_a_dns_cluster_with_inline_endpoints_and_the_dns_settings()
    {
        var xds = Translate(
            BackendInputs.Service("authz", "FQDN", [("authz.example.com", null)]),
            Policy("authz", "HTTPRoute", "backend", """
              extAuth:
                grpc:
                  backendRefs:
                  - name: authz
                    port: 8080
                  backendSettings:
                    dns:
                      dnsRefreshRate: 5s
                      lookupFamily: IPv6
            """));

        var cluster = xds.Clusters.Single(c => c.Name == ExtAuthCluster);
        Assert.That(cluster.ClusterType.Name, Is.EqualTo("envoy.cluster.dns"));
        Assert.That(cluster.DnsLookupFamily, Is.EqualTo(Cluster.Types.DnsLookupFamily.V6Only));
        var dns = cluster.ClusterType.TypedConfig.Unpack<TypedStruct>().Value.Fields;
        Assert.That(dns["dnsRefreshRate"].StringValue, Is.EqualTo("5s"));
        Assert.That(dns["dnsLookupFamily"].StringValue, Is.EqualTo("V6_ONLY"));
        Assert.That(cluster.LoadAssignment.Endpoints.Single().LbEndpoints.Single().Endpoint.Address.SocketAddress.Address, Is.EqualTo("authz.example.com"));
        Assert.That(xds.Endpoints.Select(e => e.ClusterName), Does.Not.Contain(ExtAuthCluster), "DNS clusters have no EDS resource");
        Assert.That(xds.Warnings, Has.None.Contains("backendSettings.dns"));
    }

    [Test]
    public void Backend_utilization_and_weighted_zones_are_built_on_the_ext_auth_cluster_like_a_route_cluster()
    {
        var xds = Translate(
            BackendInputs.Service("authz", "IPv4", [("10.0.0.9", "zone-a"), ("10.0.0.10", "zone-b")]),
            Policy("authz", "HTTPRoute", "backend", """
              extAuth:
                grpc:
                  backendRefs:
                  - name: authz
                    port: 8080
                  backendSettings:
                    loadBalancer:
                      type: BackendUtilization
                      backendUtilization:
                        metricNamesForComputingUtilization: [named_metrics.foo]
                      zoneAware:
                        weightedZones:
                        - zone: zone-a
                          weight: 3
            """));

        var policy = xds.Clusters.Single(c => c.Name == ExtAuthCluster).LoadBalancingPolicy.Policies.Single().TypedExtensionConfig;
        Assert.That(policy.Name, Is.EqualTo("envoy.load_balancing_policies.wrr_locality"));
        var localities = xds.Endpoints.Single(e => e.ClusterName == ExtAuthCluster).Endpoints;
        Assert.That(localities.Select(l => (l.Locality.Zone, l.LoadBalancingWeight)), Is.EqualTo(new[] { ("zone-a", (uint?)3), ("zone-b", (uint?)1) }));
        Assert.That(xds.Warnings, Has.One.StartsWith("SecurityPolicy default/authz extAuth.grpc.backendSettings.loadBalancer.backendUtilization.metricNamesForComputingUtilization: ")
            .And.Contains("metric_names_for_computing_utilization").And.EndsWith("not in the compiled Envoy API; not emitted."));
        Assert.That(xds.Warnings, Has.None.Contains("not translated"));
    }

    [Test]
    public void Jwks_backend_ref_clusters_take_the_settings_too()
    {
        var xds = Translate(Inputs.Service("jwks", 8080, "10.0.0.7"), Policy("jwt", "HTTPRoute", "backend", """
              jwt:
                providers:
                - name: example
                  remoteJWKS:
                    uri: http://jwks.default:8080/jwks.json
                    backendRefs:
                    - name: jwks
                      port: 8080
                    backendSettings:
                      timeout:
                        tcp:
                          connectTimeout: 2s
                      retry:
                        numRetries: 1
            """));

        Assert.That(xds.Clusters.Single(c => c.Name == "securitypolicy/default/jwt/jwt/0").ConnectTimeout.Seconds, Is.EqualTo(2));
        Assert.That(Filter(xds, "envoy.filters.http.jwt_authn").TypedConfig.Unpack<JwtAuthentication>().Providers.Values.Single().RemoteJwks.RetryPolicy.NumRetries, Is.EqualTo(1));
    }

    [Test]
    public void Oidc_retry_needs_the_oauth2_config_retry_policy_and_the_token_cluster_takes_the_rest()
    {
        var xds = Translate(
            Secret("default", "client", "client-secret", "s3cret"),
            Secret("envoy-gateway-system", "envoy-oidc-hmac", "hmac-secret", "hmac-bytes"),
            Policy("oidc", "HTTPRoute", "backend", """
              oidc:
                provider:
                  issuer: https://oauth.foo.com
                  authorizationEndpoint: https://oauth.foo.com/oauth2/v2/auth
                  tokenEndpoint: https://oauth.foo.com/token
                  backendSettings:
                    retry: {}
                    timeout:
                      tcp:
                        connectTimeout: 1s
                clientID: client-1
                clientSecret:
                  name: client
            """));

        Assert.That(xds.Clusters.Single(c => c.Name == "oauth_foo_com_443").ConnectTimeout.Seconds, Is.EqualTo(1));
        Assert.That(xds.Warnings, Has.Member(
            "SecurityPolicy default/oidc oidc.provider.backendSettings.retry: envoy.extensions.filters.http.oauth2.v3.OAuth2Config.retry_policy is not in the compiled Envoy API; not emitted."));
    }

    [Test]
    public void An_invalid_setting_fails_the_feature_and_the_route_answers_500()
    {
        var xds = ExtAuth("grpc", "retry:\n  perRetry:\n    backOff:\n      baseInterval: 2s\n      maxInterval: 1s");

        Assert.That(Hcm(xds).HttpFilters.Any(f => f.Name == ExtAuthFilter), Is.False);
        Assert.That(XdsRoute(xds, BackendRoute).ActionCase, Is.EqualTo(XdsRouteAction.DirectResponse));
        Assert.That(xds.Clusters.Any(c => c.Name == ExtAuthCluster), Is.False);
    }
}
