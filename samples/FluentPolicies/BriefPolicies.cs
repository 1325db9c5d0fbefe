using System.Collections.Generic;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Samples.FluentPolicies;

/// <summary>
/// The policy examples of the product brief ("Gateway API Extensions"), written with the generated fluent builders.
/// Each pair shows a broad policy and a more specific one that takes precedence where both apply.
/// </summary>
public static class BriefPolicies
{
    /// <summary>All six policies, in the brief's order.</summary>
    /// <returns>The policies.</returns>
    /// <remarks>
    /// <c>TargetGateway</c>/<c>TargetHTTPRoute</c> write a <c>targetRefs</c> entry with the Gateway API group
    /// (<c>gateway.networking.k8s.io</c>) the CRDs require even though the brief leaves it out.
    /// </remarks>
    public static IReadOnlyList<object> All() =>
    [
        // BackendTrafficPolicy: the route-level policy (50 connections) wins over the Gateway-level one for my-route.
        BackendTrafficPolicy.Build("gateway-policy")
            .Spec(spec => spec
                .TargetGateway("my-gateway")
                .CircuitBreaker(breaker => breaker.MaxConnections(100)))
            .Build(),
        BackendTrafficPolicy.Build("route-policy")
            .Spec(spec => spec
                .TargetHTTPRoute("my-route")
                .CircuitBreaker(breaker => breaker.MaxConnections(50)))
            .Build(),

        // ClientTrafficPolicy: the listener policy wins on https-listener; the Gateway-wide one gets Overridden=True.
        ClientTrafficPolicy.Build("listener-specific-policy")
            .Spec(spec => spec
                .TargetGateway("my-gateway", sectionName: "https-listener")
                .Timeout(timeout => timeout.Http(http => http.IdleTimeout("30s"))))
            .Build(),
        ClientTrafficPolicy.Build("gateway-wide-policy")
            .Spec(spec => spec
                .TargetGateway("my-gateway")
                .Timeout(timeout => timeout.Http(http => http.IdleTimeout("60s"))))
            .Build(),

        // SecurityPolicy: CORS for the https listener only, and a Gateway-wide default for the other listeners.
        SecurityPolicy.Build("listener-policy", "default")
            .Spec(spec => spec
                .TargetGateway("my-gateway", sectionName: "https")
                .Cors(cors => cors.AddAllowOrigin("https://example.com")))
            .Build(),
        SecurityPolicy.Build("gateway-policy", "default")
            .Spec(spec => spec
                .TargetGateway("my-gateway")
                .Cors(cors => cors.AddAllowOrigin("https://default.com")))
            .Build(),
    ];

    /// <summary>The policies as one YAML stream, documents separated by <c>---</c>.</summary>
    /// <returns>The YAML text.</returns>
    public static string ToYaml() => ResourceSerializer.ToYaml(All());
}
