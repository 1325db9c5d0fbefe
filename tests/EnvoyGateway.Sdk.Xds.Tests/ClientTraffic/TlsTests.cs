using System.Linq;
using System.Text;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Listener.TlsInspector.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Quic.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using NUnit.Framework;
using TlsProtocol = Envoy.Extensions.TransportSockets.Tls.V3.TlsParameters.Types.TlsProtocol;

namespace EnvoyGateway.Sdk.Xds.Tests.ClientTraffic;

/// <summary>ClientTrafficPolicy <c>tls</c> and <c>http3</c> on TLS-terminating filter chains, the CA secret and the QUIC listener.</summary>
public class TlsTests
{
    private const string Https = "default/eg/https";

    private static FilterChain Chain(Translation.Xds.GatewayXdsResources xds) => CtpInputs.Listener(xds, Https).FilterChains.Single();

    [Test]
    public void Without_a_policy_the_chain_has_no_tls_params_and_resumption_is_off()
    {
        var tls = CtpInputs.Tls(Chain(Inputs.TranslateOne(CtpInputs.HttpsGateway())));

        Assert.That(tls.CommonTlsContext.TlsParams, Is.Null);
        Assert.That(tls.CommonTlsContext.AlpnProtocols, Is.EqualTo(new[] { "h2", "http/1.1" }));
        Assert.That((tls.DisableStatefulSessionResumption, tls.DisableStatelessSessionResumption), Is.EqualTo((true, true)));
        Assert.That(tls.RequireClientCertificate, Is.Null);
    }

    [Test]
    public void Any_policy_pins_tls_1_2_to_1_3()
    {
        var tls = CtpInputs.Tls(Chain(Inputs.TranslateOne([.. CtpInputs.HttpsGateway(), CtpInputs.Policy("p", "  path:\n    disableMergeSlashes: true")])));

        Assert.That((tls.CommonTlsContext.TlsParams.TlsMinimumProtocolVersion, tls.CommonTlsContext.TlsParams.TlsMaximumProtocolVersion),
            Is.EqualTo((TlsProtocol.Tlsv12, TlsProtocol.Tlsv13)));
    }

    [Test]
    public void Tls_settings_reach_the_downstream_context()
    {
        var tls = CtpInputs.Tls(Chain(Inputs.TranslateOne([.. CtpInputs.HttpsGateway(), CtpInputs.Policy("p", """
              tls:
                minVersion: "1.3"
                maxVersion: Auto
                ciphers:
                - ECDHE-RSA-AES128-GCM-SHA256
                ecdhCurves:
                - X25519
                signatureAlgorithms:
                - ecdsa_secp256r1_sha256
                alpnProtocols:
                - http/1.1
                session:
                  resumption:
                    stateless: {}
            """)])));

        var parameters = tls.CommonTlsContext.TlsParams;
        Assert.That((parameters.TlsMinimumProtocolVersion, parameters.TlsMaximumProtocolVersion), Is.EqualTo((TlsProtocol.Tlsv13, TlsProtocol.TlsAuto)));
        Assert.That(parameters.CipherSuites, Is.EqualTo(new[] { "ECDHE-RSA-AES128-GCM-SHA256" }));
        Assert.That(parameters.EcdhCurves, Is.EqualTo(new[] { "X25519" }));
        Assert.That(parameters.SignatureAlgorithms, Is.EqualTo(new[] { "ecdsa_secp256r1_sha256" }));
        Assert.That(tls.CommonTlsContext.AlpnProtocols, Is.EqualTo(new[] { "http/1.1" }));
        Assert.That((tls.DisableStatelessSessionResumption, tls.DisableStatefulSessionResumption), Is.EqualTo((false, true)));
    }

    [Test]
    public void Client_validation_references_the_policy_ca_secret_and_requires_a_certificate_by_default()
    {
        var ca = CtpInputs.CaPem("client-ca");
        var xds = Inputs.TranslateOne([.. CtpInputs.HttpsGateway(), CtpInputs.CaSecret("client-ca", ca), CtpInputs.Policy("mtls", """
              tls:
                clientValidation:
                  caCertificateRefs:
                  - name: client-ca
            """)]);

        var tls = CtpInputs.Tls(Chain(xds));
        Assert.That(tls.RequireClientCertificate, Is.True);
        Assert.That(tls.CommonTlsContext.ValidationContextSdsSecretConfig.Name, Is.EqualTo("default/mtls/ca.crt"));
        Assert.That(tls.CommonTlsContext.CombinedValidationContext, Is.Null);
        var secret = xds.Secrets.Single(s => s.Name == "default/mtls/ca.crt");
        Assert.That(Encoding.UTF8.GetString(secret.ValidationContext.TrustedCa.InlineBytes.ToByteArray()), Is.EqualTo(ca));
        Assert.That(secret.ValidationContext.Crl, Is.Null);
    }

    [Test]
    public void Extra_client_checks_use_a_combined_validation_context()
    {
        var xds = Inputs.TranslateOne([.. CtpInputs.HttpsGateway(), CtpInputs.CaSecret("client-ca", CtpInputs.CaPem("client-ca")), CtpInputs.Policy("mtls", """
              tls:
                clientValidation:
                  mode: Request
                  caCertificateRefs:
                  - name: client-ca
                  spkiHashes:
                  - NvqYIYSbgK2vCJpQhObf77vv+bQWtc5ek5RIOwPiC9A=
                  certificateHashes:
                  - df6ff72fe9116521268f6f2dd4966f51df479883fe7037b39f75916ac3049d1a
                  subjectAltNames:
                    uris:
                    - type: Prefix
                      value: spiffe://cluster.local/
                    otherNames:
                    - oid: 1.3.6.1.4.1.311.20.2.3
                      value: user@example.com
            """)]);

        var tls = CtpInputs.Tls(Chain(xds));
        Assert.That(tls.RequireClientCertificate, Is.False);
        var combined = tls.CommonTlsContext.CombinedValidationContext;
        Assert.That(combined.ValidationContextSdsSecretConfig.Name, Is.EqualTo("default/mtls/ca.crt"));
        var defaults = combined.DefaultValidationContext;
        Assert.That(defaults.TrustChainVerification, Is.EqualTo(CertificateValidationContext.Types.TrustChainVerification.AcceptUntrusted));
        Assert.That(defaults.VerifyCertificateSpki, Is.EqualTo(new[] { "NvqYIYSbgK2vCJpQhObf77vv+bQWtc5ek5RIOwPiC9A=" }));
        Assert.That(defaults.VerifyCertificateHash, Is.EqualTo(new[] { "df6ff72fe9116521268f6f2dd4966f51df479883fe7037b39f75916ac3049d1a" }));
        Assert.That(defaults.MatchTypedSubjectAltNames.Select(m => (m.SanType, m.Matcher.Prefix, m.Matcher.Exact, m.Oid)), Is.EqualTo(new[]
        {
            (SubjectAltNameMatcher.Types.SanType.Uri, "spiffe://cluster.local/", string.Empty, string.Empty),
            (SubjectAltNameMatcher.Types.SanType.OtherName, string.Empty, "user@example.com", "1.3.6.1.4.1.311.20.2.3"),
        }));
    }

    [Test]
    public void Http3_adds_a_quic_listener_and_an_alt_svc_header_on_every_route()
    {
        var xds = Inputs.TranslateOne([.. CtpInputs.HttpsGateway(), CtpInputs.Policy("h3", "  http3: {}")]);

        var quic = CtpInputs.Listener(xds, "default/eg/https-quic");
        Assert.That((quic.Address.SocketAddress.Protocol, quic.Address.SocketAddress.PortValue, quic.DrainType),
            Is.EqualTo((SocketAddress.Types.Protocol.Udp, 10443u, Listener.Types.DrainType.ModifyOnly)));
        Assert.That(quic.UdpListenerConfig.QuicOptions, Is.Not.Null);
        var chain = quic.FilterChains.Single();
        Assert.That((chain.Name, chain.FilterChainMatch.ServerNames.Single()), Is.EqualTo((Https, "www.example.com")));
        var hcm = chain.Filters.Single().TypedConfig.Unpack<HttpConnectionManager>();
        Assert.That((hcm.CodecType, hcm.Http3ProtocolOptions is not null, hcm.Rds.RouteConfigName), Is.EqualTo((HttpConnectionManager.Types.CodecType.Http3, true, Https)));
        Assert.That(chain.TransportSocket.Name, Is.EqualTo("envoy.transport_sockets.quic"));
        var quicTls = chain.TransportSocket.TypedConfig.Unpack<QuicDownstreamTransport>().DownstreamTlsContext;
        Assert.That(quicTls.CommonTlsContext.AlpnProtocols, Is.EqualTo(new[] { "h3" }));
        Assert.That(quicTls.CommonTlsContext.TlsCertificateSdsSecretConfigs.Single().Name, Is.EqualTo("default/server-cert"));
        Assert.That(CtpInputs.Tls(Chain(xds)).CommonTlsContext.AlpnProtocols, Is.EqualTo(new[] { "h2", "http/1.1" }), "the TCP chain keeps its ALPN");

        var header = xds.Routes.Single().VirtualHosts.Single().Routes.Single().ResponseHeadersToAdd.Single();
#pragma warning disable CS0612
        Assert.That((header.Header.Key, header.Header.Value, header.Append), Is.EqualTo(("alt-svc", "h3=\":443\"; ma=86400", (bool?)true)));
#pragma warning restore CS0612
    }

    [Test]
    public void Http3_is_not_enabled_when_the_policy_validates_client_certificates()
    {
        var xds = Inputs.TranslateOne([.. CtpInputs.HttpsGateway(), CtpInputs.CaSecret("client-ca", CtpInputs.CaPem("client-ca")), CtpInputs.Policy("h3", """
              http3: {}
              tls:
                clientValidation:
                  caCertificateRefs:
                  - name: client-ca
            """)]);

        Assert.That(xds.Listeners.Select(l => l.Name), Is.EqualTo(new[] { Https }));
        Assert.That(xds.Routes.Single().VirtualHosts.Single().Routes.Single().ResponseHeadersToAdd, Is.Empty);
    }

    [Test]
    public void Ja3_fingerprinting_turns_on_in_the_tls_inspector_and_ja4_is_reported()
    {
        var xds = Inputs.TranslateOne([.. CtpInputs.HttpsGateway(), CtpInputs.Policy("fp", "  tls:\n    fingerprints:\n    - JA3\n    - JA4")]);

        var inspector = CtpInputs.Listener(xds, Https).ListenerFilters.Single(f => f.Name == "envoy.filters.listener.tls_inspector");
        Assert.That(inspector.TypedConfig.Unpack<TlsInspector>().EnableJa3Fingerprinting, Is.True);
        Assert.That(xds.Warnings, Has.One.Contains("TlsInspector.enable_ja4_fingerprinting"));
    }
}
