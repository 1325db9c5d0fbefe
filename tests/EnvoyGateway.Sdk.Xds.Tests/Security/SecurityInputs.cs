using System;
using System.Linq;
using System.Text;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.Security;

/// <summary>A Gateway <c>eg</c> (HTTP on 80), HTTPRoutes to Service <c>app</c>, and SecurityPolicies, for the SP feature tests.</summary>
internal static class SecurityInputs
{
    public const string Listener = "default/eg/http";
    public const string BackendRoute = "httproute/default/backend/rule/0/match/0/www_example_com";
    public const string OtherRoute = "httproute/default/other/rule/0/match/0/www_example_com";

    public static string Route(string name) => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: {name}
          namespace: default
        spec:
          parentRefs:
          - name: eg
          hostnames:
          - www.example.com
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: /{name}
            backendRefs:
            - name: app
              port: 80
        """;

    /// <summary>A SecurityPolicy <c>default/&lt;name&gt;</c>; <paramref name="spec"/> is indented by 2 under <c>spec</c>.</summary>
    public static string Policy(string name, string targetKind, string targetName, string spec) => $"""
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata:
          name: {name}
          namespace: default
          uid: 11111111-2222-3333-4444-555555555555
        spec:
          targetRefs:
          - group: gateway.networking.k8s.io
            kind: {targetKind}
            name: {targetName}
        {spec}
        """;

    public static string Secret(string ns, string name, string key, string value) => $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: {name}
          namespace: {ns}
        data:
          {key}: {Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}
        """;

    /// <summary>Translates the Gateway, the routes <c>backend</c> and <c>other</c>, Service <c>app</c> and <paramref name="documents"/>.</summary>
    public static GatewayXdsResources Translate(params string[] documents) =>
        Inputs.TranslateOne([Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80"), Route("backend"), Route("other"),
            Inputs.Service("app", 80, "10.0.0.1"), .. documents]);

    public static HttpConnectionManager Hcm(GatewayXdsResources xds) =>
        xds.Listeners.Single(l => l.Name == Listener).DefaultFilterChain.Filters.Single().TypedConfig.Unpack<HttpConnectionManager>();

    public static HttpFilter Filter(GatewayXdsResources xds, string name) => Hcm(xds).HttpFilters.Single(f => f.Name == name);

    public static Route XdsRoute(GatewayXdsResources xds, string name) =>
        xds.Routes.Single(r => r.Name == Listener).VirtualHosts.SelectMany(v => v.Routes).Single(r => r.Name == name);
}
