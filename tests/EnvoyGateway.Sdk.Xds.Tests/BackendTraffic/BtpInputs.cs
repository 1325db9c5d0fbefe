using System.Linq;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

/// <summary>One Gateway (HTTP listener on 80), HTTPRoute <c>web</c> (host www.example.com) to Service <c>app</c>, and a BackendTrafficPolicy on the route.</summary>
internal static class BtpInputs
{
    public const string ClusterName = "httproute/default/web/rule/0";

    public static GatewayXdsResources Translate(string spec, string? serviceAppProtocol = null)
    {
        var service = Inputs.Service("app", 8080, "10.0.0.1");
        if (serviceAppProtocol is not null)
        {
            service = service.Replace("    protocol: TCP\n---", $"    protocol: TCP\n    appProtocol: {serviceAppProtocol}\n---", System.StringComparison.Ordinal);
        }

        return Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80"), """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: web
              namespace: default
            spec:
              parentRefs:
              - name: eg
              hostnames:
              - www.example.com
              rules:
              - backendRefs:
                - name: app
                  port: 8080
            """, service, $"""
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: BackendTrafficPolicy
            metadata:
              name: policy
              namespace: default
            spec:
              targetRefs:
              - group: gateway.networking.k8s.io
                kind: HTTPRoute
                name: web
            {Indent(spec)}
            """);
    }

    public static Cluster Cluster(this GatewayXdsResources xds) => xds.Clusters.Single(c => c.Name == ClusterName);

    public static Route Route(this GatewayXdsResources xds) => xds.Routes.Single().VirtualHosts.Single().Routes.Single();

    public static HttpConnectionManager Hcm(this GatewayXdsResources xds) =>
        xds.Listeners.Single().DefaultFilterChain.Filters.Single().TypedConfig.Unpack<HttpConnectionManager>();

    public static HttpFilter Filter(this GatewayXdsResources xds, string name) => xds.Hcm().HttpFilters.Single(f => f.Name == name);

    // The spec's fields as children of "spec:".
    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "  " + l));
}
