using System.Linq;
using Envoy.Extensions.Upstreams.Http.V3;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

public class RetryAndTimeoutTests
{
    [Test]
    public void Retry_without_retry_on_gets_envoy_gateway_defaults()
    {
        var retry = BtpInputs.Translate("retry: {}").Route().Route_.RetryPolicy;

        Assert.That(retry.RetryOn, Is.EqualTo("connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes"));
        Assert.That(retry.RetriableStatusCodes, Is.EqualTo(new uint[] { 503 }));
        Assert.That(retry.NumRetries, Is.EqualTo(2));
        Assert.That(retry.HostSelectionRetryMaxAttempts, Is.EqualTo(5));
        Assert.That(retry.RetryHostPredicate.Single().Name, Is.EqualTo("envoy.retry_host_predicates.previous_hosts"));
        Assert.That(retry.RetryPriority, Is.Null);
        Assert.That(retry.PerTryTimeout, Is.Null);
    }

    [Test]
    public void Retry_on_replaces_triggers_and_codes_and_sets_timeouts_and_back_off()
    {
        var retry = BtpInputs.Translate("""
            retry:
              numRetries: 5
              numAttemptsPerPriority: 2
              retryOn:
                triggers: [5xx, reset]
                httpStatusCodes: [502, 504]
              perRetry:
                timeout: 250ms
                backOff:
                  baseInterval: 100ms
                  maxInterval: 10s
            """).Route().Route_.RetryPolicy;

        Assert.That(retry.RetryOn, Is.EqualTo("5xx,reset,retriable-status-codes"));
        Assert.That(retry.RetriableStatusCodes, Is.EqualTo(new uint[] { 502, 504 }));
        Assert.That(retry.NumRetries, Is.EqualTo(5));
        Assert.That(retry.PerTryTimeout.Nanos, Is.EqualTo(250_000_000));
        Assert.That(retry.RetryBackOff.BaseInterval.Nanos, Is.EqualTo(100_000_000));
        Assert.That(retry.RetryBackOff.MaxInterval.Seconds, Is.EqualTo(10));
        Assert.That(retry.RetryPriority.Name, Is.EqualTo("envoy.retry_priorities.previous_priorities"));
    }

    [Test]
    public void Http_timeouts_land_on_the_route_and_the_cluster()
    {
        var xds = BtpInputs.Translate("""
            timeout:
              tcp:
                connectTimeout: 31s
              http:
                requestTimeout: 2h
                connectionIdleTimeout: 16s
                maxConnectionDuration: 17s
                maxStreamDuration: 5m
            """);

        var action = xds.Route().Route_;
        Assert.That(action.Timeout.Seconds, Is.EqualTo(7200));
        Assert.That(action.IdleTimeout.Seconds, Is.EqualTo(7200), "a request timeout above 1h raises the stream idle timeout");
        Assert.That(action.MaxStreamDuration.MaxStreamDuration_.Seconds, Is.EqualTo(300));
        var cluster = xds.Cluster();
        Assert.That(cluster.ConnectTimeout.Seconds, Is.EqualTo(31));
        var options = cluster.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<HttpProtocolOptions>();
        Assert.That(options.CommonHttpProtocolOptions.IdleTimeout.Seconds, Is.EqualTo(16));
        Assert.That(options.CommonHttpProtocolOptions.MaxConnectionDuration.Seconds, Is.EqualTo(17));
        Assert.That(options.ExplicitHttpConfig.HttpProtocolOptions, Is.Not.Null);
    }

    [Test]
    public void Short_request_timeout_keeps_the_one_hour_idle_timeout_and_stream_idle_overrides_it()
    {
        Assert.That(BtpInputs.Translate("timeout:\n  http:\n    requestTimeout: 10s").Route().Route_.IdleTimeout.Seconds, Is.EqualTo(3600));
        var action = BtpInputs.Translate("timeout:\n  http:\n    requestTimeout: 10s\n    streamIdleTimeout: 20s").Route().Route_;
        Assert.That(action.Timeout.Seconds, Is.EqualTo(10));
        Assert.That(action.IdleTimeout.Seconds, Is.EqualTo(20));
    }

    [Test]
    public void Without_a_policy_the_cluster_keeps_the_ten_second_connect_timeout_and_the_route_has_no_retry()
    {
        var xds = BtpInputs.Translate("circuitBreaker:\n  maxConnections: 1");
        Assert.That(xds.Cluster().ConnectTimeout.Seconds, Is.EqualTo(10));
        Assert.That(xds.Route().Route_.RetryPolicy, Is.Null);
    }
}
