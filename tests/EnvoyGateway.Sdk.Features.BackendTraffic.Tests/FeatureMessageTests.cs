using System.Collections.Generic;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using k8s.Models;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.BackendTraffic.Tests;

/// <summary>Each feature: valid input gives no error, each invalid input Envoy Gateway's message (before normalization).</summary>
public class FeatureMessageTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        // Circuit breaker: uint32 range, first failure only.
        yield return Case("circuitBreaker:\n  maxConnections: 100\n  maxPendingRequests: 0\n  maxRequestsPerConnection: 4294967295", null);
        yield return Case("circuitBreaker:\n  maxConnections: -1", "CircuitBreaker: invalid MaxConnections value -1");
        yield return Case("circuitBreaker:\n  maxParallelRetries: -1\n  maxConnections: 4294967296", "CircuitBreaker: invalid MaxConnections value 4294967296");
        yield return Case("circuitBreaker:\n  maxParallelRequests: -2\n  maxPendingRequests: -3", "CircuitBreaker: invalid MaxParallelRequests value -2");
        yield return Case("circuitBreaker:\n  maxPendingRequests: -3", "CircuitBreaker: invalid MaxPendingRequests value -3");
        yield return Case("circuitBreaker:\n  maxRequestsPerConnection: -1", "CircuitBreaker: invalid MaxRequestsPerConnection value -1");
        yield return Case("circuitBreaker:\n  perEndpoint:\n    maxConnections: -1", "CircuitBreaker: invalid PerEndpoint.MaxConnections value -1");

        // Timeout: Go durations, errors joined.
        yield return Case("timeout:\n  tcp:\n    connectTimeout: 15s\n  http:\n    connectionIdleTimeout: 1h2m3.5s\n    maxConnectionDuration: 17s\n    requestTimeout: 0\n    maxStreamDuration: 1.5h\n    streamIdleTimeout: 300ms", null);
        yield return Case("timeout:\n  http:\n    maxConnectionDuration: 22mib", "Timeout: invalid MaxConnectionDuration value 22mib");
        yield return Case("timeout:\n  tcp:\n    connectTimeout: 10\n  http:\n    requestTimeout: 5sec", "Timeout: invalid ConnectTimeout value 10\ninvalid RequestTimeout value 5sec");
        yield return Case("timeout:\n  http:\n    connectionIdleTimeout: 3000000h", "Timeout: invalid ConnectionIdleTimeout value 3000000h");

        // TCP keepalive: first failure only.
        yield return Case("tcpKeepalive:\n  probes: 3\n  idleTime: 20m\n  interval: 60s", null);
        yield return Case("tcpKeepalive:\n  idleTime: 20mi\n  interval: 60x", "TCPKeepalive: invalid IdleTime value 20mi");
        yield return Case("tcpKeepalive:\n  interval: 60x", "TCPKeepalive: invalid Interval value 60x");

        // Backend connection: integral quantity in uint32.
        yield return Case("connection:\n  bufferLimit: 100Mi", null);
        yield return Case("connection:\n  bufferLimit: 100m", "BackendConnection: invalid BufferLimit value 100m");
        yield return Case("connection:\n  bufferLimit: 0.5", "BackendConnection: invalid BufferLimit value 500m");
        yield return Case("connection:\n  bufferLimit: 5Gi", "BackendConnection: BufferLimit value 5Gi is out of range, must be between 0 and 4294967295");
        yield return Case("connection:\n  bufferLimit: -1", "BackendConnection: BufferLimit value -1 is out of range, must be between 0 and 4294967295");

        // HTTP/2 window sizes, errors joined.
        yield return Case("http2:\n  initialStreamWindowSize: 64Ki\n  initialConnectionWindowSize: 1Mi\n  maxConcurrentStreams: 100\n  onInvalidMessage: TerminateStream", null);
        yield return Case("http2:\n  initialStreamWindowSize: 1Ki", "HTTP2: InitialStreamWindowSize value 1Ki is out of range, must be between 65535 and 2147483647");
        yield return Case("http2:\n  initialStreamWindowSize: 1.5\n  initialConnectionWindowSize: 2Gi", "HTTP2: invalid InitialStreamWindowSize value 1500m\nInitialConnectionWindowSize value 2Gi is out of range, must be between 65535 and 2147483647");

        // Load balancer: prime table size up to 5000011.
        yield return Case("loadBalancer:\n  type: ConsistentHash\n  consistentHash:\n    type: SourceIP\n    tableSize: 524287", null);
        yield return Case("loadBalancer:\n  type: ConsistentHash\n  consistentHash:\n    type: SourceIP\n    tableSize: 1024", "LoadBalancer: ConsistentHash: invalid TableSize value 1024");
        yield return Case("loadBalancer:\n  type: ConsistentHash\n  consistentHash:\n    type: SourceIP\n    tableSize: 5000023", "LoadBalancer: ConsistentHash: invalid TableSize value 5000023");
        yield return Case("loadBalancer:\n  type: RoundRobin\n  slowStart:\n    window: 5x", "LoadBalancer: time: unknown unit \"x\" in duration \"5x\"");

        // Retry back-off.
        yield return Case("retry:\n  numRetries: 5\n  perRetry:\n    timeout: 250ms\n    backOff:\n      baseInterval: 100ms\n      maxInterval: 10s\n  retryOn:\n    triggers: [connect-failure]\n    httpStatusCodes: [500]", null);
        yield return Case("retry:\n  perRetry:\n    backOff:\n      baseInterval: 0s", "Retry: baseInterval cannot be set to 0s");
        yield return Case("retry:\n  perRetry:\n    backOff:\n      baseInterval: 2s\n      maxInterval: 1s", "Retry: maxInterval cannot be less than baseInterval");

        // Bandwidth limit: at least 1 KiB/s, per direction.
        yield return Case("bandwidthLimit:\n  request:\n    limit:\n      value: 1024\n      unit: Second", null);
        yield return Case("bandwidthLimit:\n  request:\n    limit:\n      value: 1023\n      unit: Second", "BandwidthLimit: request: bandwidth limit of 1023 bytes per Second is below the minimum of 1 KiB/s");
        yield return Case("bandwidthLimit:\n  request:\n    limit:\n      value: 10Ki\n      unit: Minute\n  response:\n    limit:\n      value: 100\n      unit: Hour", "BandwidthLimit: request: bandwidth limit of 10240 bytes per Minute is below the minimum of 1 KiB/s\nresponse: bandwidth limit of 100 bytes per Hour is below the minimum of 1 KiB/s");

        // Request buffer.
        yield return Case("requestBuffer:\n  limit: 4Mi", null);
        yield return Case("requestBuffer:\n  limit: 5Gi", "RequestBuffer: Limit value 5Gi is out of range, must be between 0 and 4294967295");

        // Rate limits.
        yield return Case("rateLimit:\n  type: Local\n  local:\n    rules:\n    - limit: {requests: 10, unit: Hour}\n    - clientSelectors:\n      - headers:\n        - {name: x-user-id, value: one}\n        sourceCIDR: {value: 192.168.0.0/16}\n      limit: {requests: 5, unit: Day}", null);
        yield return Case("rateLimit:\n  type: Local\n  local:\n    rules:\n    - limit: {requests: 10, unit: Hour}\n    - limit: {requests: 10, unit: Minute}", "RateLimit: local rateLimit can not have more than one rule without clientSelectors");
        yield return Case("rateLimit:\n  type: Local\n  local:\n    rules:\n    - limit: {requests: 10, unit: Hour}\n    - clientSelectors:\n      - headers:\n        - {name: x-user-id, value: one}\n      limit: {requests: 5, unit: Minute}", "RateLimit: local rateLimit rule limit unit must be a multiple of the default limit unit");
        yield return Case("rateLimit:\n  type: Global\n  global:\n    rules:\n    - clientSelectors:\n      - headers:\n        - {name: x-user-id, type: RegularExpression, value: '*.illegal.regex'}\n      limit: {requests: 10, unit: Hour}", "RateLimit: regex \"*.illegal.regex\" is invalid: error parsing regexp: missing argument to repetition operator: `*`");
        yield return Case("rateLimit:\n  type: Global\n  global:\n    rules:\n    - clientSelectors:\n      - path: {type: RegularExpression, value: '/foo(?=bar)'}\n      limit: {requests: 10, unit: Hour}", "RateLimit: regex \"/foo(?=bar)\" is invalid: error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
        yield return Case("rateLimit:\n  type: Global\n  global:\n    rules:\n    - clientSelectors:\n      - headers:\n        - {name: x-org-id, type: Distinct, invert: true}\n      limit: {requests: 10, unit: Hour}", "RateLimit: unable to translate rateLimit.Invert is not applicable for distinct header match type");
        yield return Case("rateLimit:\n  type: Global\n  global:\n    rules:\n    - clientSelectors:\n      - headers:\n        - {name: x-org-id, type: Distinct, value: a}\n      limit: {requests: 10, unit: Hour}", "RateLimit: unable to translate rateLimit. Either the header.Type is not valid or the header is missing a value");
        yield return Case("rateLimit:\n  type: Global\n  global:\n    rules:\n    - clientSelectors:\n      - {}\n      limit: {requests: 10, unit: Hour}", "RateLimit: unable to translate rateLimit. At least one of the header or sourceCIDR must be specified");
        yield return Case("rateLimit:\n  type: Global\n  global:\n    rules:\n    - clientSelectors:\n      - sourceCIDR: {value: 192.168.0.1}\n      limit: {requests: 10, unit: Hour}", "RateLimit: unable to translate rateLimit: invalid CIDR address: 192.168.0.1");
        yield return Case("rateLimit:\n  type: Local", "RateLimit: local configuration empty for rateLimit");

        // Response override (ConfigMap default/cm has response.body; default/empty has no data).
        yield return Case("responseOverride:\n- match:\n    statusCodes: [{type: Value, value: 404}]\n  response:\n    body: {type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: cm}}", null);
        yield return Case("responseOverride:\n- match:\n    statusCodes: [{value: 404}]\n  response:\n    body: {inline: nope}\n- match:\n    statusCodes: [{value: 500}]\n  response:\n    body: {type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: missing}}", "ResponseOverride: can't find the referenced configmap default/missing");
        yield return Case("responseOverride:\n- match:\n    statusCodes: [{value: 404}]\n  response:\n    body: {type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: empty}}", "ResponseOverride: can't find the key response.body in the referenced configmap default/empty");
        yield return Case("responseOverride:\n- match:\n    responseHeaders: [{name: x-a, value: {type: RegularExpression, value: 'a(?<!b)'}}]\n  response:\n    body: {inline: x}", "ResponseOverride: regex \"a(?<!b)\" is invalid: error parsing regexp: invalid named capture: `(?<!b)`");

        // Features in build order are joined with a newline.
        yield return Case("circuitBreaker:\n  maxConnections: -1\nrateLimit:\n  type: Local\n  local:\n    rules:\n    - limit: {requests: 1, unit: Hour}\n    - limit: {requests: 1, unit: Hour}\nconnection:\n  bufferLimit: 100m", "RateLimit: local rateLimit can not have more than one rule without clientSelectors\nCircuitBreaker: invalid MaxConnections value -1\nBackendConnection: invalid BufferLimit value 100m");

        // Features without errors of their own.
        yield return Case("faultInjection:\n  delay:\n    fixedDelay: 5s\n  abort:\n    httpStatus: 503\nhealthCheck:\n  panicThreshold: 10\n  passive: {}\ndns:\n  dnsRefreshRate: 5s\ncompressor:\n- type: Gzip\nadmissionControl:\n  samplingWindow: 30s\ntelemetry:\n  metrics:\n    routeStatName: '%ROUTE_NAME%'", null);
    }

    private static TestCaseData Case(string spec, string? expected) => new TestCaseData(spec, expected).SetArgDisplayNames(Display(expected ?? "valid: " + spec));

    private static string Display(string text)
    {
        var line = text.Replace('\n', ' ');
        return line.Length > 80 ? line[..80] : line;
    }

    [TestCaseSource(nameof(Cases))]
    public void Feature_errors_match_envoy_gateway(string spec, string? expected)
    {
        var policy = Policies.FromSpec(spec);
        var context = new FakeFeatureContext(new object[]
        {
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm", NamespaceProperty = "default" }, Data = new Dictionary<string, string> { ["response.body"] = "{}" } },
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "empty", NamespaceProperty = "default" } },
        });

        var errors = BackendTrafficFeatures.Build(policy, context);

        if (expected is null)
        {
            Assert.That(errors.Items, Is.Empty);
        }
        else
        {
            Assert.That(string.Join('\n', errors.Items), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Response_override_configmaps_resolve_in_the_given_namespace()
    {
        var policy = Policies.FromSpec("responseOverride:\n- match:\n    statusCodes: [{value: 404}]\n  response:\n    body: {type: ValueRef, valueRef: {group: '', kind: ConfigMap, name: cm}}");
        var context = new FakeFeatureContext(new object[]
        {
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm", NamespaceProperty = "gw" }, Data = new Dictionary<string, string> { ["other"] = "body" } },
        });

        Assert.Multiple(() =>
        {
            Assert.That(string.Join('\n', BackendTrafficFeatures.Build(policy, context).Items), Is.EqualTo("ResponseOverride: can't find the referenced configmap default/cm"));
            var set = BackendTrafficFeatures.BuildAll(policy, context, "gw", BackendTrafficOptions.Default);
            Assert.That(set.Errors.Items, Is.Empty);
            Assert.That(set.ResponseOverride!.Rules[0].Body, Is.EqualTo("body"));
            Assert.That(set.ResponseOverride.Rules[0].Name, Is.EqualTo("backendtrafficpolicy/default/p/responseoverride/rule/0"));
        });
    }

    [Test]
    public void Global_rate_limit_needs_the_rate_limit_service()
    {
        var policy = Policies.FromSpec("rateLimit:\n  type: Global\n  global:\n    rules:\n    - limit: {requests: 1, unit: Hour}");
        var set = BackendTrafficFeatures.BuildAll(policy, new FakeFeatureContext(), null, new BackendTrafficOptions(GlobalRateLimitEnabled: false));
        Assert.That(set.Errors.Items, Is.EqualTo(new[] { "RateLimit: enable Ratelimit in the EnvoyGateway config to configure global rateLimit" }));
    }

    [Test]
    public void Condition_message_is_normalized_once()
    {
        var policy = Policies.FromSpec("circuitBreaker:\n  maxConnections: -1\nconnection:\n  bufferLimit: 100m");
        var errors = BackendTrafficFeatures.Build(policy, new FakeFeatureContext());
        Assert.That(errors.ToConditionMessage(), Is.EqualTo("CircuitBreaker: invalid MaxConnections value -1\nBackendConnection: invalid BufferLimit value 100m."));
    }
}
