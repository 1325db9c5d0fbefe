using System.Globalization;
using System.Text;

namespace EnvoyGateway.Sdk.Benchmarks.Resolve;

/// <summary>
/// A Gateway with two listeners and <c>routes</c> HTTPRoutes, each with its own BackendTrafficPolicy (every tenth one
/// merged), plus Gateway- and listener-level BackendTrafficPolicy, ClientTrafficPolicy and SecurityPolicy.
/// </summary>
internal static class SyntheticScenario
{
    public static string Yaml(int routes)
    {
        var text = new StringBuilder();
        text.Append("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: eg}
            spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {namespace: default, name: gw}
            spec:
              gatewayClassName: eg
              listeners:
                - {name: http, protocol: HTTP, port: 80}
                - {name: admin, protocol: HTTP, port: 8080}
            ---
            apiVersion: v1
            kind: Service
            metadata: {namespace: default, name: backend}
            spec: {clusterIP: 10.96.0.10, ports: [{name: http, port: 8080, protocol: TCP}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {namespace: default, name: backend-1, labels: {kubernetes.io/service-name: backend}}
            addressType: IPv4
            ports: [{name: http, port: 8080, protocol: TCP}]
            endpoints: [{addresses: [10.244.0.10], conditions: {ready: true}}]

            """);
        Policy(text, "BackendTrafficPolicy", "gw-btp", "Gateway", "gw", null, "circuitBreaker: {maxConnections: 100}");
        Policy(text, "BackendTrafficPolicy", "http-btp", "Gateway", "gw", "http", "timeout: {http: {requestTimeout: 15s}}");
        Policy(text, "ClientTrafficPolicy", "gw-ctp", "Gateway", "gw", null, "timeout: {http: {idleTimeout: 60s}}");
        Policy(text, "ClientTrafficPolicy", "http-ctp", "Gateway", "gw", "http", "timeout: {http: {idleTimeout: 30s}}");
        Policy(text, "SecurityPolicy", "gw-sp", "Gateway", "gw", null, "cors: {allowOrigins: ['https://default.com']}");
        Policy(text, "SecurityPolicy", "http-sp", "Gateway", "gw", "http", "cors: {allowOrigins: ['https://example.com']}");
        for (var i = 0; i < routes; i++)
        {
            var name = "route-" + i.ToString(CultureInfo.InvariantCulture);
            // Half the routes attach to listener http, half to the whole Gateway.
            var parent = i % 2 == 0 ? "{name: gw, sectionName: http}" : "{name: gw}";
            text.Append(CultureInfo.InvariantCulture, $$"""
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {namespace: default, name: {{name}}}
                spec:
                  parentRefs: [{{parent}}]
                  hostnames: [{{name}}.example.com]
                  rules:
                    - name: main
                      backendRefs: [{name: backend, port: 8080}]

                """);
            var merge = i % 10 == 0 ? "mergeType: StrategicMerge\n  " : string.Empty;
            Policy(text, "BackendTrafficPolicy", name + "-btp", "HTTPRoute", name, null, merge + "retry: {numRetries: 3}");
        }

        return text.ToString();
    }

    private static void Policy(StringBuilder text, string kind, string name, string targetKind, string target, string? section, string body)
    {
        var sectionName = section is null ? string.Empty : ", sectionName: " + section;
        text.Append(CultureInfo.InvariantCulture, $$"""
            ---
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: {{kind}}
            metadata: {namespace: default, name: {{name}}}
            spec:
              targetRefs: [{group: gateway.networking.k8s.io, kind: {{targetKind}}, name: {{target}}{{sectionName}}}]
              {{body}}

            """);
    }
}
