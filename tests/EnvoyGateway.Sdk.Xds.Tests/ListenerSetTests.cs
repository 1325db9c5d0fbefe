using System.Linq;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Xds.Tests.ClientTraffic;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

/// <summary>Listeners a ListenerSet adds to a Gateway: HTTPS ones terminate TLS with their certificateRefs like the Gateway's own.</summary>
public class ListenerSetTests
{
    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: eg, namespace: default}
        spec:
          gatewayClassName: eg
          allowedListeners: {namespaces: {from: All}}
          listeners:
          - {name: http, protocol: HTTP, port: 80}
        """;

    private const string Route = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: apps}
        spec:
          parentRefs: [{kind: ListenerSet, name: extra}]
          rules:
          - backendRefs: [{name: app, port: 3000}]
        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: app, namespace: apps}
        spec:
          clusterIP: 10.96.0.10
          ports: [{name: http, port: 3000, protocol: TCP}]
        """;

    [Test]
    public void An_https_listener_set_listener_gets_a_tls_filter_chain_and_its_secret()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Gateway, ListenerSet("cert"), Secret("apps", "cert"), Route, Service);

        var listener = xds.Listeners.Single(l => l.Name == "default/eg/apps/extra/https");
        Assert.That(listener.DefaultFilterChain, Is.Null, "never served in plain text");
        var chain = listener.FilterChains.Single();
        Assert.That(chain.Name, Is.EqualTo("default/eg/apps/extra/https"));
        Assert.That(chain.FilterChainMatch.ServerNames, Is.EqualTo(new[] { "secure.example.com" }));
        var tls = chain.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>();
        Assert.That(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs.Single().Name, Is.EqualTo("apps/cert"));
        Assert.That(chain.Filters.Single().TypedConfig.Unpack<HttpConnectionManager>().StatPrefix, Is.EqualTo("https-10443"));
        Assert.That(listener.ListenerFilters.Single().Name, Is.EqualTo("envoy.filters.listener.tls_inspector"));
        Assert.That(xds.Secrets.Single().Name, Is.EqualTo("apps/cert"));
        var host = xds.Routes.Single(r => r.Name == "default/eg/apps/extra/https").VirtualHosts.Single();
        Assert.That(host.Name, Is.EqualTo("default/eg/apps/extra/https/secure_example_com"));
        Assert.That(host.Routes.Single().Route_.Cluster, Is.EqualTo("httproute/apps/web/rule/0"));
        Assert.That(xds.Warnings, Is.Empty);
    }

    [Test]
    public void A_certificate_in_another_namespace_needs_a_reference_grant_from_the_listener_set()
    {
        var reference = "{name: cert, namespace: certs}";
        var withoutGrant = Inputs.TranslateOne(Inputs.GatewayClass, Gateway, ListenerSet(reference), Secret("certs", "cert"), Route, Service);

        Assert.That(withoutGrant.Listeners.Select(l => l.Name), Is.EqualTo(new[] { "default/eg/http" }), "an HTTPS listener without a certificate is left out");
        Assert.That(withoutGrant.Secrets, Is.Empty);
        Assert.That(withoutGrant.Warnings, Is.EqualTo(new[]
        {
            "ListenerSet apps/extra listener https: certificate Secret certs/cert is missing, not allowed or not a TLS Secret.",
            "ListenerSet apps/extra listener https: no usable certificate; the listener is not translated.",
        }));

        var gatewayGrant = Grant("Gateway", "default");
        Assert.That(Inputs.TranslateOne(Inputs.GatewayClass, Gateway, ListenerSet(reference), Secret("certs", "cert"), Route, Service, gatewayGrant).Secrets, Is.Empty,
            "a grant to the Gateway does not cover its ListenerSets");

        var granted = Inputs.TranslateOne(Inputs.GatewayClass, Gateway, ListenerSet(reference), Secret("certs", "cert"), Route, Service, Grant("ListenerSet", "apps"));
        Assert.That(granted.Secrets.Single().Name, Is.EqualTo("certs/cert"));
        Assert.That(granted.Listeners.Single(l => l.Name == "default/eg/apps/extra/https").FilterChains.Single().TransportSocket, Is.Not.Null);
    }

    [Test]
    public void A_gateway_https_listener_without_a_usable_certificate_is_not_served_in_plain_text()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass,
            Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80\n- name: https\n  protocol: HTTPS\n  port: 443\n  tls:\n    certificateRefs:\n    - name: missing"),
            CtpInputs.Route("web", "a"), Inputs.Service("a", 80, "10.0.0.1"));

        Assert.That(xds.Listeners.Select(l => l.Name), Is.EqualTo(new[] { "default/eg/http" }));
        Assert.That(xds.Warnings, Has.Member("Gateway default/eg listener https: no usable certificate; the listener is not translated."));
    }

    private static string ListenerSet(string certificateRef) => $$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: ListenerSet
        metadata: {name: extra, namespace: apps}
        spec:
          parentRef: {name: eg, namespace: default}
          listeners:
          - name: https
            protocol: HTTPS
            port: 443
            hostname: secure.example.com
            tls:
              certificateRefs: [{{(certificateRef.StartsWith('{') ? certificateRef : "{name: " + certificateRef + "}")}}]
        """;

    private static string Secret(string @namespace, string name) =>
        CtpInputs.TlsSecret(name, "secure.example.com").Replace("namespace: default", "namespace: " + @namespace, System.StringComparison.Ordinal);

    private static string Grant(string fromKind, string fromNamespace) => $$"""
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: certs, namespace: certs}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: {{fromKind}}, namespace: {{fromNamespace}}}]
          to: [{group: "", kind: Secret}]
        """;
}
