using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Translation.Xds;

namespace EnvoyGateway.Sdk.Xds.Tests.ClientTraffic;

/// <summary>ClientTrafficPolicy inputs: policies, an HTTPRoute, TLS material, and accessors for the built protos.</summary>
internal static class CtpInputs
{
    /// <summary>A ClientTrafficPolicy <c>default/&lt;name&gt;</c> on Gateway <c>eg</c> (optionally one section); <paramref name="spec"/> is YAML under <c>spec</c>, indented by 2.</summary>
    public static string Policy(string name, string spec, string? sectionName = null) => $"""
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: ClientTrafficPolicy
        metadata:
          name: {name}
          namespace: default
        spec:
          targetRefs:
          - group: gateway.networking.k8s.io
            kind: Gateway
            name: eg{(sectionName is null ? string.Empty : "\n    sectionName: " + sectionName)}
        {spec}
        """;

    /// <summary>An HTTPRoute <c>default/&lt;name&gt;</c> on Gateway <c>eg</c> sending everything to Service <paramref name="backend"/>:80.</summary>
    public static string Route(string name, string backend, string kind = "HTTPRoute", string version = "v1") => $"""
        apiVersion: gateway.networking.k8s.io/{version}
        kind: {kind}
        metadata:
          name: {name}
          namespace: default
        spec:
          parentRefs:
          - name: eg
          rules:
          - backendRefs:
            - name: {backend}
              port: 80
        """;

    /// <summary>A Gateway with one HTTPS listener <c>https</c> on 443 for <c>www.example.com</c>, its certificate Secret and a route.</summary>
    public static string[] HttpsGateway() =>
    [
        Inputs.GatewayClass,
        Inputs.Gateway("eg", """
            - name: https
              protocol: HTTPS
              port: 443
              hostname: www.example.com
              tls:
                mode: Terminate
                certificateRefs:
                - name: server-cert
            """),
        TlsSecret("server-cert", "www.example.com"),
        Route("web", "a"),
        Inputs.Service("a", 80, "10.0.0.1"),
    ];

    /// <summary>A <c>kubernetes.io/tls</c> Secret with a fresh self-signed certificate valid 2020..2100.</summary>
    public static string TlsSecret(string name, string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: {name}
              namespace: default
            type: kubernetes.io/tls
            data:
              tls.crt: {Base64(certificate.ExportCertificatePem() + "\n")}
              tls.key: {Base64(key.ExportPkcs8PrivateKeyPem() + "\n")}
            """;
    }

    /// <summary>An Opaque Secret holding <c>ca.crt</c> = <paramref name="pem"/>.</summary>
    public static string CaSecret(string name, string pem) => $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: {name}
          namespace: default
        type: Opaque
        data:
          ca.crt: {Base64(pem)}
        """;

    /// <summary>A fresh self-signed CA certificate as PEM (valid 2020..2100).</summary>
    public static string CaPem(string commonName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return certificate.ExportCertificatePem() + "\n";
    }

    public static Listener Listener(GatewayXdsResources xds, string name) => xds.Listeners.Single(l => l.Name == name);

    /// <summary>The HCM of the listener's default chain (plain HTTP) or of its chain named <paramref name="chain"/>.</summary>
    public static HttpConnectionManager Hcm(GatewayXdsResources xds, string listener, string? chain = null)
    {
        var l = Listener(xds, listener);
        var filterChain = chain is null ? l.DefaultFilterChain : l.FilterChains.Single(c => c.Name == chain);
        return filterChain.Filters.Single(f => f.Name == "envoy.filters.network.http_connection_manager").TypedConfig.Unpack<HttpConnectionManager>();
    }

    public static DownstreamTlsContext Tls(FilterChain chain) => chain.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>();

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
