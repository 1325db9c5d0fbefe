using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation;
using EnvoyGateway.Sdk.Translation.Xds;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

/// <summary>Small YAML inputs for the translator: a GatewayClass, Gateways, routes, Services with EndpointSlices.</summary>
internal static class Inputs
{
    public const string GatewayClass = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata:
          name: eg
        spec:
          controllerName: gateway.envoyproxy.io/gatewayclass-controller
        """;

    /// <summary>A Gateway <c>default/&lt;name&gt;</c> with listeners given as YAML list items (indented by 2).</summary>
    public static string Gateway(string name, string listeners) => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: {name}
          namespace: default
        spec:
          gatewayClassName: eg
          listeners:
        {Indent(listeners, 2)}
        """;

    /// <summary>A Service <c>default/&lt;name&gt;</c> on <paramref name="port"/> with an EndpointSlice holding <paramref name="addresses"/>.</summary>
    public static string Service(string name, int port, params string[] addresses)
    {
        var endpoints = new StringBuilder();
        foreach (var address in addresses)
        {
            endpoints.Append(CultureInfo.InvariantCulture, $"- addresses:\n  - {address}\n  conditions:\n    ready: true\n");
        }

        return $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {name}
              namespace: default
            spec:
              clusterIP: 10.96.0.99
              ports:
              - name: http
                port: {port}
                protocol: TCP
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: {name}-abcde
              namespace: default
              labels:
                kubernetes.io/service-name: {name}
            addressType: IPv4
            ports:
            - name: http
              port: {port}
              protocol: TCP
            endpoints:
            {Indent(endpoints.ToString().TrimEnd(), 0)}
            """;
    }

    public static ImmutableArray<GatewayXdsResources> Translate(params string[] documents)
    {
        var yaml = string.Join("\n---\n", documents);
        var resolution = PolicyResolver.Resolve(ResourceSet.FromYaml(yaml, "test.yaml"));
        // A fixed time inside the validity of every certificate in the corpus (the mTLS cases' CAs start 2026-11-26).
        return XdsTranslator.Translate(resolution, new System.DateTimeOffset(2030, 1, 1, 0, 0, 0, System.TimeSpan.Zero));
    }

    public static GatewayXdsResources TranslateOne(params string[] documents)
    {
        var gateways = Translate(documents);
        Assert.That(gateways, Has.Length.EqualTo(1));
        return gateways[0];
    }

    public static string Json(GatewayXdsResources resources) => EnvoyJson.Format(resources.ToConfigDump());

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => new string(' ', spaces) + line));
}
