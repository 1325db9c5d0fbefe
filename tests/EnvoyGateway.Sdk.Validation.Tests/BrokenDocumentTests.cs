using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Validation.Tests;

/// <summary>
/// Deliberately broken documents, one problem each (or the exact set a problem produces), validated against our
/// schemas: each row names the exact path(s) and rule(s) that must be reported, and nothing else.
/// </summary>
[TestFixture]
public sealed class BrokenDocumentTests
{
    private const string GatewayRef = "{group: gateway.networking.k8s.io, kind: Gateway, name: eg}";

    private static string Policy(string kind, string spec) =>
        $"apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: {kind}\nmetadata: {{name: p, namespace: default}}\nspec: {{{spec}}}\n";

    private static string Btp(string extra) => Policy("BackendTrafficPolicy", $"targetRefs: [{GatewayRef}], {extra}");

    private static string Ctp(string extra) => Policy("ClientTrafficPolicy", $"targetRefs: [{GatewayRef}], {extra}");

    private static string Sp(string extra) => Policy("SecurityPolicy", $"targetRefs: [{GatewayRef}], {extra}");

    private static string Api(string kind, string spec, string version = "v1") =>
        $"apiVersion: gateway.networking.k8s.io/{version}\nkind: {kind}\nmetadata: {{name: r, namespace: default}}\nspec: {{{spec}}}\n";

    private static string Route(string kind, string rule, string extra = "", string version = "v1") =>
        Api(kind, $"parentRefs: [{{name: eg}}], {extra}rules: [{rule}]", version);

    private static string Gateway(string listeners, string extra = "") =>
        Api("Gateway", $"gatewayClassName: eg, {extra}listeners: [{listeners}]");

    private static readonly (string Name, string Yaml, string Expected)[] Rows =
    [
        // BackendTrafficPolicy: OpenAPI constraints
        ("btp maxConnections below minimum", Btp("circuitBreaker: {maxConnections: -1}"), "spec.circuitBreaker.maxConnections minimum"),
        ("btp maxConnections above maximum", Btp("circuitBreaker: {maxConnections: 4294967296}"), "spec.circuitBreaker.maxConnections maximum"),
        ("btp maxConnections is a string", Btp("circuitBreaker: {maxConnections: many}"), "spec.circuitBreaker.maxConnections type"),
        ("btp maxConnections is fractional", Btp("circuitBreaker: {maxConnections: 1.5}"), "spec.circuitBreaker.maxConnections type"),
        ("btp numRetries below minimum", Btp("retry: {numRetries: -1}"), "spec.retry.numRetries minimum"),
        ("btp requestTimeout with a fraction", Btp("timeout: {http: {requestTimeout: 5.4s}}"), "spec.timeout.http.requestTimeout pattern"),
        ("btp connectTimeout with a word unit", Btp("timeout: {tcp: {connectTimeout: 10sec}}"), "spec.timeout.tcp.connectTimeout pattern"),
        ("btp unknown load balancer type", Btp("loadBalancer: {type: Fancy}"), "spec.loadBalancer.type enum"),
        ("btp tableSize below minimum", Btp("loadBalancer: {type: ConsistentHash, consistentHash: {type: SourceIP, tableSize: 1}}"), "spec.loadBalancer.consistentHash.tableSize minimum"),
        ("btp slowStart without window", Btp("loadBalancer: {type: RoundRobin, slowStart: {}}"), "spec.loadBalancer.slowStart.window required"),
        ("btp abort httpStatus above maximum", Btp("faultInjection: {abort: {httpStatus: 700}}"), "spec.faultInjection.abort.httpStatus maximum"),
        ("btp delay without fixedDelay", Btp("faultInjection: {delay: {percentage: 50}}"), "spec.faultInjection.delay.fixedDelay required"),
        ("btp panicThreshold above maximum", Btp("healthCheck: {panicThreshold: 101}"), "spec.healthCheck.panicThreshold maximum"),
        ("btp maxEjectionPercent below minimum", Btp("healthCheck: {passive: {maxEjectionPercent: -5}}"), "spec.healthCheck.passive.maxEjectionPercent minimum"),
        ("btp active health check type outside allOf enum", Btp("healthCheck: {active: {type: SMTP}}"), "spec.healthCheck.active.type enum"),
        ("btp bufferLimit with milli suffix", Btp("connection: {bufferLimit: 100m}"), "spec.connection.bufferLimit pattern"),
        ("btp bufferLimit is a bool", Btp("connection: {bufferLimit: true}"), "spec.connection.bufferLimit intOrString"),
        ("btp unknown spec field", Btp("bogus: 1"), "spec.bogus unknownField"),
        ("btp duplicate weighted zone", Btp("loadBalancer: {type: RoundRobin, zoneAware: {weightedZones: [{zone: a, weight: 1}, {zone: a, weight: 2}]}}"), "spec.loadBalancer.zoneAware.weightedZones[1] listMapKey"),
        ("btp probes out of int32", Btp("tcpKeepalive: {probes: 2147483648}"), "spec.tcpKeepalive.probes format"),
        ("btp faultInjection null", Btp("faultInjection: null"), "spec.faultInjection nullable"),

        // BackendTrafficPolicy: CEL rules
        ("btp no target", Policy("BackendTrafficPolicy", "mergeType: StrategicMerge"), "spec cel"),
        ("btp target in another group", Policy("BackendTrafficPolicy", "targetRefs: [{group: example.com, kind: Gateway, name: eg}]"), "spec cel"),
        ("btp consistentHash block missing", Btp("loadBalancer: {type: ConsistentHash}"), "spec.loadBalancer cel"),
        ("btp consistentHash block with RoundRobin", Btp("loadBalancer: {type: RoundRobin, consistentHash: {type: SourceIP}}"), "spec.loadBalancer cel"),
        ("btp Header hash without header", Btp("loadBalancer: {type: ConsistentHash, consistentHash: {type: Header}}"), "spec.loadBalancer.consistentHash cel"),
        ("btp slowStart with Random", Btp("loadBalancer: {type: Random, slowStart: {window: 5s}}"), "spec.loadBalancer cel"),
        ("btp empty faultInjection", Btp("faultInjection: {}"), "spec.faultInjection cel"),
        ("btp abort with two statuses", Btp("faultInjection: {abort: {httpStatus: 503, grpcStatus: 3}}"), "spec.faultInjection.abort cel"),
        ("btp HTTP health check without http", Btp("healthCheck: {active: {type: HTTP}}"), "spec.healthCheck.active cel"),
        ("btp TCP health check with http block", Btp("healthCheck: {active: {type: TCP, http: {path: /}}}"), "spec.healthCheck.active cel; spec.healthCheck.active cel"),
        ("btp request body with GET", Btp("healthCheck: {active: {type: HTTP, http: {path: /, method: GET, requestBody: {type: Text, text: x}}}}"), "spec.healthCheck.active.http cel"),
        ("btp keepalive timeout longer than interval", Btp("http2: {connectionKeepalive: {interval: 1s, timeout: 5s}}"), "spec.http2.connectionKeepalive cel"),
        ("btp compression and compressor", Btp("compression: [{type: Gzip}], compressor: [{type: Gzip}]"), "spec cel"),
        ("btp mergeType Replace", Btp("mergeType: Replace"), "spec.mergeType cel; spec cel"),
        ("btp status range reversed", Btp("responseOverride: [{match: {statusCodes: [{type: Range, range: {start: 500, end: 400}}]}, response: {contentType: text/plain}}]"), "spec.responseOverride[0].match.statusCodes[0].range cel"),
        ("btp sampling fraction above one", Btp("telemetry: {tracing: {samplingFraction: {numerator: 5, denominator: 2}}}"), "spec.telemetry.tracing.samplingFraction cel"),
        ("btp admission sampling window too short", Btp("admissionControl: {samplingWindow: 500ms}"), "spec.admissionControl cel"),

        // ClientTrafficPolicy
        ("ctp unknown TLS version", Ctp("tls: {minVersion: '1.4'}"), "spec.tls.minVersion enum"),
        ("ctp custom header with spaces", Ctp("clientIPDetection: {customHeader: {name: X Real IP}}"), "spec.clientIPDetection.customHeader.name pattern"),
        ("ctp connection limit zero", Ctp("connection: {connectionLimit: {value: 0}}"), "spec.connection.connectionLimit.value minimum"),
        ("ctp unknown escaped slashes action", Ctp("path: {escapedSlashesAction: Drop}"), "spec.path.escapedSlashesAction enum"),
        ("ctp request received timeout word unit", Ctp("timeout: {http: {requestReceivedTimeout: 10sec}}"), "spec.timeout.http.requestReceivedTimeout pattern"),
        ("ctp maxAcceptPerSocketEvent out of int32", Ctp("connection: {maxAcceptPerSocketEvent: 3000000000}"), "spec.connection.maxAcceptPerSocketEvent format"),
        ("ctp field inside an empty http3 object", Ctp("http3: {foo: 1}"), "spec.http3.foo unknownField"),
        ("ctp tls null", Ctp("tls: null"), "spec.tls nullable"),
        ("ctp empty trustedCIDRs", Ctp("clientIPDetection: {xForwardedFor: {trustedCIDRs: []}}"), "spec.clientIPDetection.xForwardedFor.trustedCIDRs minItems"),
        ("ctp ciphers with TLS 1.3", Ctp("tls: {minVersion: '1.3', ciphers: [ECDHE-RSA-AES128-GCM-SHA256]}"), "spec.tls cel"),
        ("ctp expired certificates without verification", Ctp("tls: {clientValidation: {mode: Request, allowExpiredCertificate: true}}"), "spec.tls.clientValidation cel"),
        ("ctp two client IP detection methods", Ctp("clientIPDetection: {xForwardedFor: {numTrustedHops: 1}, customHeader: {name: X-Real-IP}}"), "spec.clientIPDetection cel"),
        ("ctp hops and CIDRs together", Ctp("clientIPDetection: {xForwardedFor: {numTrustedHops: 1, trustedCIDRs: [10.0.0.0/8]}}"), "spec.clientIPDetection.xForwardedFor cel"),
        ("ctp closeDelay without value", Ctp("connection: {connectionLimit: {closeDelay: 1s}}"), "spec.connection.connectionLimit cel"),
        ("ctp targets an HTTPRoute", Policy("ClientTrafficPolicy", "targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]"), "spec cel"),
        ("ctp certDetailsToAdd without mode", Ctp("headers: {xForwardedClientCert: {certDetailsToAdd: [Subject]}}"), "spec.headers.xForwardedClientCert cel"),

        // SecurityPolicy
        ("sp maxAge in days", Sp("cors: {maxAge: 1d}"), "spec.cors.maxAge pattern"),
        ("sp empty issuer", Sp("oidc: {provider: {issuer: ''}, clientID: c, clientSecret: {name: s}}"), "spec.oidc.provider.issuer minLength"),
        ("sp no jwt providers", Sp("jwt: {providers: []}"), "spec.jwt.providers minItems"),
        ("sp empty users name", Sp("basicAuth: {users: {name: ''}}"), "spec.basicAuth.users.name minLength"),
        ("sp unknown cookie sameSite", Sp("oidc: {provider: {issuer: 'https://idp'}, clientID: c, clientSecret: {name: s}, cookieConfig: {sameSite: Sometimes}}"), "spec.oidc.cookieConfig.sameSite enum"),
        ("sp extAuth without service", Sp("extAuth: {failOpen: true}"), "spec.extAuth cel; spec.extAuth cel"),
        ("sp api key from headers and params", Sp("apiKeyAuth: {credentialRefs: [{name: k}], extractFrom: [{headers: [x-api-key], params: [key]}]}"), "spec.apiKeyAuth.extractFrom[0] cel"),
        ("sp empty principal", Sp("authorization: {rules: [{action: Allow, principal: {}}]}"), "spec.authorization.rules[0].principal cel"),
        ("sp forward ID token as authorization", Sp("oidc: {provider: {issuer: 'https://idp'}, clientID: c, clientSecret: {name: s}, forwardAccessToken: true, forwardIDToken: {header: Authorization}}"), "spec.oidc cel"),
        ("sp jwt principal without jwt", Sp("authorization: {rules: [{action: Allow, principal: {jwt: {provider: p, scopes: [read]}}}]}"), "spec cel"),

        // Gateway API
        ("httproute exact path without slash", Route("HTTPRoute", "{matches: [{path: {type: Exact, value: no-slash}}]}"), "spec.rules[0].matches[0].path cel"),
        ("httproute backend port above maximum", Route("HTTPRoute", "{backendRefs: [{name: s, port: 70000}]}"), "spec.rules[0].backendRefs[0].port maximum"),
        ("httproute hostname with underscore", Route("HTTPRoute", "{}", "hostnames: [Bad_Host], "), "spec.hostnames[0] pattern"),
        ("httproute parentRef without name", Api("HTTPRoute", "parentRefs: [{sectionName: http}]"), "spec.parentRefs[0].name required"),
        ("httproute header modifier filter without config", Route("HTTPRoute", "{filters: [{type: RequestHeaderModifier}]}"), "spec.rules[0].filters[0] cel"),
        ("httproute backend timeout above request timeout", Route("HTTPRoute", "{timeouts: {request: 1s, backendRequest: 2s}}"), "spec.rules[0].timeouts cel"),
        ("httproute retry is not a field", Route("HTTPRoute", "{retry: {attempts: 3}}"), "spec.rules[0].retry unknownField"),
        ("gateway duplicate listener names", Gateway("{name: http, port: 80, protocol: HTTP}, {name: http, port: 81, protocol: HTTP}"), "spec.listeners[1] listMapKey; spec.listeners cel"),
        ("gateway without class", Api("Gateway", "listeners: [{name: http, port: 80, protocol: HTTP}]"), "spec.gatewayClassName required"),
        ("gateway listener port zero", Gateway("{name: http, port: 0, protocol: HTTP}"), "spec.listeners[0].port minimum"),
        ("gateway address that is not an IP", Gateway("{name: http, port: 80, protocol: HTTP}", "addresses: [{type: IPAddress, value: not-an-ip}], "), "spec.addresses[0].value format"),
        ("gateway terminate without certificates", Gateway("{name: https, port: 443, protocol: HTTPS, tls: {mode: Terminate}}"), "spec.listeners[0].tls cel"),
        ("grpcroute method with a space", Route("GRPCRoute", "{matches: [{method: {service: 'bad service', method: Get}}]}"), "spec.rules[0].matches[0].method cel"),
        ("gatewayclass controller without path", Api("GatewayClass", "controllerName: bad"), "spec.controllerName pattern"),
        ("referencegrant empty from", Api("ReferenceGrant", "from: [], to: [{group: '', kind: Service}]"), "spec.from minItems"),
        ("tcproute without rules", Api("TCPRoute", "parentRefs: [{name: eg}], rules: []"), "spec.rules minItems"),
        ("udproute negative weight", Route("UDPRoute", "{backendRefs: [{name: s, port: 53, weight: -1}]}"), "spec.rules[0].backendRefs[0].weight minimum"),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        Rows.Select(row => new TestCaseData(row.Yaml, row.Expected).SetName(row.Name));

    [TestCaseSource(nameof(Cases))]
    public void Reports_exactly_the_broken_field(string yaml, string expected)
    {
        var report = OurSchemas.Validate(yaml);
        var actual = report.Select(e => e.Path + " " + e.Rule).ToList();
        var wanted = expected.Split("; ").ToList();
        Assert.That(actual, Is.EquivalentTo(wanted), report.ToString());
    }

    [Test]
    public void The_table_has_at_least_60_rows_and_20_cel_rows()
    {
        Assert.That(Rows, Has.Length.GreaterThanOrEqualTo(60));
        Assert.That(Rows.Count(r => r.Expected.Contains(" cel", System.StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(20));
    }
}
