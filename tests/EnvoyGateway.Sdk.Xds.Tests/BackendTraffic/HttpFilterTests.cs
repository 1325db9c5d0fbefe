using System.Linq;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.BandwidthLimit.V3;
using Envoy.Extensions.Filters.Http.Buffer.V3;
using Envoy.Extensions.Filters.Http.Compressor.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Extensions.Filters.Http.LocalRatelimit.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using NUnit.Framework;
using RateLimitFilter = Envoy.Extensions.Filters.Http.Ratelimit.V3.RateLimit;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

public class HttpFilterTests
{
    [Test]
    public void Gzip_compressor_is_disabled_in_the_hcm_and_enabled_per_route()
    {
        var xds = BtpInputs.Translate("compressor:\n- type: Gzip");

        var filter = xds.Filter("envoy.filters.http.compressor.gzip");
        Assert.That(filter.Disabled, Is.True);
        var compressor = filter.TypedConfig.Unpack<Compressor>();
        Assert.That(compressor.CompressorLibrary.Name, Is.EqualTo("envoy.compression.gzip.compressor"));
        Assert.That(compressor.ChooseFirst, Is.True);
        Assert.That(compressor.ResponseDirectionConfig, Is.Null, "no minContentLength, Envoy's default");
        var route = xds.Route();
        Assert.That(route.TypedPerFilterConfig["envoy.filters.http.compressor.gzip"].Unpack<CompressorPerRoute>().Overrides.ResponseDirectionConfig, Is.Not.Null);
        Assert.That(route.RequestHeadersToRemove, Does.Contain("accept-encoding"));
        Assert.That(xds.Hcm().HttpFilters.Last().Name, Is.EqualTo("envoy.filters.http.router"));
    }

    [Test]
    public void Fault_abort_with_http_status_defaults_to_every_request()
    {
        var xds = BtpInputs.Translate("faultInjection:\n  abort:\n    httpStatus: 503");

        Assert.That(xds.Filter("envoy.filters.http.fault").TypedConfig.Unpack<HTTPFault>().Abort, Is.Null);
        var fault = xds.Route().TypedPerFilterConfig["envoy.filters.http.fault"].Unpack<HTTPFault>();
        Assert.That(fault.Abort.HttpStatus, Is.EqualTo(503));
        Assert.That(fault.Abort.Percentage.Numerator, Is.EqualTo(1_000_000));
        Assert.That(fault.Delay, Is.Null);
    }

    [Test]
    public void Local_rate_limit_without_rules_with_selectors_only_has_the_default_bucket()
    {
        var xds = BtpInputs.Translate("rateLimit:\n  type: Local\n  local:\n    rules:\n    - limit:\n        requests: 10\n        unit: Minute");

        Assert.That(xds.Filter("envoy.filters.http.local_ratelimit").TypedConfig.Unpack<LocalRateLimit>().TokenBucket, Is.Null);
        var config = xds.Route().TypedPerFilterConfig["envoy.filters.http.local_ratelimit"].Unpack<LocalRateLimit>();
        Assert.That(config.StatPrefix, Is.EqualTo("http_local_rate_limiter"));
        Assert.That(config.TokenBucket.MaxTokens, Is.EqualTo(10));
        Assert.That(config.TokenBucket.FillInterval.Seconds, Is.EqualTo(60));
        Assert.That(config.FilterEnforced.DefaultValue.Numerator, Is.EqualTo(100));
        Assert.That(config.Descriptors, Is.Empty);
    }

    [Test]
    public void Local_rate_limit_rule_actions_go_to_the_route_rate_limits()
    {
        var xds = BtpInputs.Translate("""
            rateLimit:
              type: Local
              local:
                rules:
                - clientSelectors:
                  - sourceCIDR:
                      type: Exact
                      value: 10.0.0.0/8
                  limit:
                    requests: 3
                    unit: Hour
            """);

        var limit = xds.Route().Route_.RateLimits.Single();
        Assert.That(limit.Actions.Single().MaskedRemoteAddress.V4PrefixMaskLen, Is.EqualTo(8));
        var descriptor = xds.Route().TypedPerFilterConfig["envoy.filters.http.local_ratelimit"].Unpack<LocalRateLimit>().Descriptors.Single();
        Assert.That(descriptor.Entries.Single().Key, Is.EqualTo("masked_remote_address"));
        Assert.That(descriptor.Entries.Single().Value, Is.EqualTo("10.0.0.0/8"));
        Assert.That(descriptor.TokenBucket.FillInterval.Seconds, Is.EqualTo(3600));
    }

    [Test]
    public void Global_rate_limit_adds_the_filter_route_actions_and_the_rate_limit_cluster()
    {
        var xds = BtpInputs.Translate("""
            rateLimit:
              type: Global
              global:
                rules:
                - clientSelectors:
                  - headers:
                    - name: x-user
                      type: Distinct
                  limit:
                    requests: 5
                    unit: Second
            """);

        var filter = xds.Filter("envoy.filters.http.ratelimit").TypedConfig.Unpack<RateLimitFilter>();
        Assert.That(filter.Domain, Is.EqualTo("default/eg/http"));
        Assert.That(filter.RateLimitService.GrpcService.EnvoyGrpc.ClusterName, Is.EqualTo("ratelimit_cluster"));
        Assert.That(filter.DisableXEnvoyRatelimitedHeader, Is.True);
        var actions = xds.Route().Route_.RateLimits.Single().Actions;
        Assert.That(actions[0].GenericKey.DescriptorValue, Is.EqualTo(xds.Route().Name));
        Assert.That(actions[1].RequestHeaders.HeaderName, Is.EqualTo("x-user"));
        Assert.That(actions[1].RequestHeaders.DescriptorKey, Is.EqualTo("rule-0-match-0"));
        var cluster = xds.Clusters.Single(c => c.Name == "ratelimit_cluster");
        Assert.That(cluster.LoadAssignment.Endpoints.Single().LbEndpoints.Single().Endpoint.Address.SocketAddress.PortValue, Is.EqualTo(8081));
        Assert.That(cluster.TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>().CommonTlsContext.ValidationContext.TrustedCa.Filename, Is.EqualTo("/certs/ca.crt"));
    }

    [Test]
    public void Request_buffer_and_bandwidth_limit_are_enabled_per_route()
    {
        var xds = BtpInputs.Translate("""
            requestBuffer:
              limit: 4Ki
            bandwidthLimit:
              response:
                limit:
                  value: 10Ki
                  unit: Second
            """);

        Assert.That(xds.Filter("envoy.filters.http.buffer").Disabled, Is.True);
        var route = xds.Route();
        Assert.That(route.TypedPerFilterConfig["envoy.filters.http.buffer"].Unpack<BufferPerRoute>().Buffer.MaxRequestBytes, Is.EqualTo(4096));
        Assert.That(route.Route_.UpgradeConfigs, Is.Empty, "a buffered route is not upgraded to websocket");
        Assert.That(xds.Hcm().HttpFilters.Any(f => f.Name == "envoy.filters.http.bandwidth_limit/request"), Is.False);
        var disabled = xds.Filter("envoy.filters.http.bandwidth_limit/response").TypedConfig.Unpack<BandwidthLimit>();
        Assert.That(disabled.EnableMode, Is.EqualTo(BandwidthLimit.Types.EnableMode.Disabled));
        var limit = route.TypedPerFilterConfig["envoy.filters.http.bandwidth_limit/response"].Unpack<BandwidthLimit>();
        Assert.That(limit.EnableMode, Is.EqualTo(BandwidthLimit.Types.EnableMode.Response));
        Assert.That(limit.LimitKbps, Is.EqualTo(10));
    }

    [Test]
    public void Invalid_policy_turns_its_routes_into_a_500_direct_response()
    {
        var xds = BtpInputs.Translate("circuitBreaker:\n  maxConnections: -1\nretry: {}");

        var route = xds.Route();
        Assert.That(route.ActionCase, Is.EqualTo(Route.ActionOneofCase.DirectResponse));
        Assert.That(route.DirectResponse.Status, Is.EqualTo(500));
        Assert.That(xds.Warnings, Has.Some.Contains("backendtrafficpolicy/default/policy: invalid"));
    }
}
