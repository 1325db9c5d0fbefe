using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EnvoyGateway.Sdk.Translation.Xds;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

/// <summary>
/// Inputs for backend-shape features: HTTPRoute <c>web</c> on Gateway <c>eg</c> (port 80) to one or more Services
/// whose EndpointSlices are written out here (FQDN slices, endpoint zones, IP families), plus an optional
/// BackendTrafficPolicy on the route.
/// </summary>
internal static class BackendInputs
{
    public const string ClusterName = BtpInputs.ClusterName;

    /// <summary>A Service <c>default/&lt;name&gt;</c> (port 8080 "http") with one EndpointSlice of <paramref name="addressType"/>.</summary>
    public static string Service(string name, string addressType, IEnumerable<(string Address, string? Zone)> endpoints, string? serviceSpecExtra = null)
    {
        var items = new StringBuilder();
        foreach (var (address, zone) in endpoints)
        {
            items.Append(CultureInfo.InvariantCulture, $"- addresses:\n  - {address}\n  conditions:\n    ready: true\n");
            if (zone is not null)
            {
                items.Append(CultureInfo.InvariantCulture, $"  zone: {zone}\n");
            }
        }

        var extra = serviceSpecExtra is null ? string.Empty : "\n" + string.Join("\n", serviceSpecExtra.Split('\n').Select(l => "  " + l));
        return $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {name}
              namespace: default
            spec:
              ports:
              - name: http
                port: 8080{extra}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: {name}-1
              namespace: default
              labels:
                kubernetes.io/service-name: {name}
            addressType: {addressType}
            ports:
            - name: http
              port: 8080
            endpoints:
            {items.ToString().TrimEnd()}
            """;
    }

    /// <summary>The route to <paramref name="backends"/> (name, weight), the documents given, and a policy with <paramref name="policySpec"/> when not null.</summary>
    public static GatewayXdsResources Translate(string? policySpec, IEnumerable<(string Name, int Weight)> backends, params string[] documents)
    {
        var refs = string.Join("\n", backends.Select(b => $"    - name: {b.Name}\n      port: 8080\n      weight: {b.Weight.ToString(CultureInfo.InvariantCulture)}"));
        var route = $"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: web
              namespace: default
            spec:
              parentRefs:
              - name: eg
              rules:
              - backendRefs:
            {refs}
            """;
        var all = new List<string> { Inputs.GatewayClass, Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80"), route };
        all.AddRange(documents);
        if (policySpec is not null)
        {
            all.Add($"""
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
                {string.Join("\n", policySpec.Split('\n').Select(l => "  " + l))}
                """);
        }

        return Inputs.TranslateOne([.. all]);
    }

    /// <summary>One backend <c>app</c>.</summary>
    public static GatewayXdsResources Translate(string? policySpec, params string[] documents) => Translate(policySpec, [("app", 1)], documents);

    /// <summary>Asserts the output passes the Envoy protos' PGV rules.</summary>
    public static void AssertPgvValid(GatewayXdsResources xds) => Assert.That(XdsTranslator.PgvViolations(xds), Is.Empty);
}
