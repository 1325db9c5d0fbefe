using System.Globalization;
using System.Text;

namespace EnvoyGateway.Sdk.Benchmarks.Translate;

/// <summary>
/// A Gateway with two HTTP listeners, 100 Services (3 endpoints each) and <c>routes</c> HTTPRoutes, with policies at
/// every attachment level: a BackendTrafficPolicy, ClientTrafficPolicy and SecurityPolicy on the Gateway and on
/// listener <c>http</c>; a BackendTrafficPolicy and a SecurityPolicy on every route (every tenth merged into its
/// parent); a BackendTrafficPolicy on rule <c>main</c> of every fifth route.
/// </summary>
internal static class ScaleScenario
{
    public const int Services = 100;

    /// <summary>The number of policies the scenario has for <paramref name="routes"/> routes.</summary>
    public static int PolicyCount(int routes) => 6 + (2 * routes) + ((routes + 4) / 5);

    public static string Yaml(int routes)
    {
        var text = new StringBuilder(routes * 1400);
        text.Append("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: eg}
            spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {namespace: default, name: gw, creationTimestamp: '2026-01-01T00:00:00Z'}
            spec:
              gatewayClassName: eg
              listeners:
                - {name: http, protocol: HTTP, port: 80}
                - {name: admin, protocol: HTTP, port: 8080}

            """);
        for (var s = 0; s < Services; s++)
        {
            var name = "backend-" + s.ToString(CultureInfo.InvariantCulture);
            var ip = (s * 3) + 10;
            text.Append(CultureInfo.InvariantCulture, $$$"""
                ---
                apiVersion: v1
                kind: Service
                metadata: {namespace: default, name: {{{name}}}}
                spec: {clusterIP: 10.96.0.{{{s + 10}}}, ports: [{name: http, port: 8080, protocol: TCP}]}
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {namespace: default, name: {{{name}}}-1, labels: {kubernetes.io/service-name: {{{name}}}}}
                addressType: IPv4
                ports: [{name: http, port: 8080, protocol: TCP}]
                endpoints:
                  - {addresses: [10.244.{{{ip / 250}}}.{{{ip % 250}}}], conditions: {ready: true}, zone: zone-a}
                  - {addresses: [10.244.{{{(ip + 1) / 250}}}.{{{(ip + 1) % 250}}}], conditions: {ready: true}, zone: zone-b}
                  - {addresses: [10.244.{{{(ip + 2) / 250}}}.{{{(ip + 2) % 250}}}], conditions: {ready: true}, zone: zone-c}

                """);
        }

        Policy(text, "BackendTrafficPolicy", "gw-btp", "Gateway", "gw", null, 0,
            "circuitBreaker: {maxConnections: 2048, maxPendingRequests: 512}\n  loadBalancer: {type: LeastRequest}");
        Policy(text, "BackendTrafficPolicy", "http-btp", "Gateway", "gw", "http", 1,
            "timeout: {http: {requestTimeout: 15s}, tcp: {connectTimeout: 5s}}\n  healthCheck: {passive: {consecutive5XxErrors: 5}}");
        Policy(text, "ClientTrafficPolicy", "gw-ctp", "Gateway", "gw", null, 2, "timeout: {http: {idleTimeout: 60s}}");
        Policy(text, "ClientTrafficPolicy", "http-ctp", "Gateway", "gw", "http", 3,
            "timeout: {http: {idleTimeout: 30s}}\n  clientIPDetection: {xForwardedFor: {numTrustedHops: 1}}\n  headers: {preserveXRequestID: true}");
        Policy(text, "SecurityPolicy", "gw-sp", "Gateway", "gw", null, 4, "cors: {allowOrigins: ['https://default.example'], allowMethods: [GET]}");
        Policy(text, "SecurityPolicy", "http-sp", "Gateway", "gw", "http", 5,
            "authorization:\n    defaultAction: Deny\n    rules: [{name: internal, action: Allow, principal: {clientCIDRs: [10.0.0.0/8]}}]");
        for (var i = 0; i < routes; i++)
        {
            var name = "route-" + i.ToString(CultureInfo.InvariantCulture);
            var backend = "backend-" + (i % Services).ToString(CultureInfo.InvariantCulture);
            // Half the routes attach to listener http, half to the whole Gateway (so to both listeners).
            var parent = i % 2 == 0 ? "{name: gw, sectionName: http}" : "{name: gw}";
            text.Append(CultureInfo.InvariantCulture, $$$"""
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {namespace: default, name: {{{name}}}, creationTimestamp: '2026-01-01T00:00:00Z'}
                spec:
                  parentRefs: [{{{parent}}}]
                  hostnames: [{{{name}}}.example.com]
                  rules:
                    - name: main
                      matches: [{path: {type: PathPrefix, value: /api}}]
                      backendRefs: [{name: {{{backend}}}, port: 8080}]
                    - name: static
                      matches: [{path: {type: Exact, value: /index.html}, headers: [{name: x-env, value: prod}]}]
                      filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: x-route, value: {{{name}}}}]}}]
                      backendRefs: [{name: {{{backend}}}, port: 8080}]

                """);
            var merge = i % 10 == 0 ? "mergeType: StrategicMerge\n  " : string.Empty;
            Policy(text, "BackendTrafficPolicy", name + "-btp", "HTTPRoute", name, null, 10 + (3 * i),
                merge + "retry: {numRetries: 3, retryOn: {triggers: [connect-failure, retriable-status-codes], httpStatusCodes: [503]}}\n"
                + "  rateLimit: {local: {rules: [{limit: {requests: 100, unit: Second}}]}}");
            Policy(text, "SecurityPolicy", name + "-sp", "HTTPRoute", name, null, 11 + (3 * i),
                $"cors: {{allowOrigins: ['https://{name}.example.com'], allowHeaders: [x-tenant], maxAge: 10m}}");
            if (i % 5 == 0)
            {
                Policy(text, "BackendTrafficPolicy", name + "-main-btp", "HTTPRoute", name, "main", 12 + (3 * i),
                    "timeout: {http: {requestTimeout: 3s}}\n  loadBalancer: {type: ConsistentHash, consistentHash: {type: SourceIP}}");
            }
        }

        return text.ToString();
    }

    private static void Policy(StringBuilder text, string kind, string name, string targetKind, string target, string? section, int order, string body)
    {
        var sectionName = section is null ? string.Empty : ", sectionName: " + section;
        // Distinct creation times so precedence ties resolve the same way whatever the document order.
        var created = new System.DateTime(2026, 1, 1, 0, 0, 0, System.DateTimeKind.Utc).AddSeconds(order).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture, $$$"""
            ---
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: {{{kind}}}
            metadata: {namespace: default, name: {{{name}}}, creationTimestamp: '{{{created}}}'}
            spec:
              targetRefs: [{group: gateway.networking.k8s.io, kind: {{{targetKind}}}, name: {{{target}}}{{{sectionName}}}}]
              {{{body}}}

            """);
    }
}
