using System;
using System.Collections.Generic;
using System.Text;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using k8s.Models;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.ClientTraffic.Tests;

public class ClientTrafficFeaturesTests
{
    private static readonly ClientTrafficListener Http = new("default/gw/http", "http", "HTTP", 80, false);
    private static readonly ClientTrafficListener Https = new("default/gw/https", "https", "HTTPS", 443, true, new[] { "www.example.com" });
    private static readonly ClientTrafficListener Tcp = new("default/gw/tcp", "tcp", "TCP", 9000, false);
    private static readonly ClientTrafficListener TlsTerminate = new("default/gw/tls", "tls", "TLS", 8443, true);
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static ClientTrafficPolicy Policy(string specYaml, string ns = "default")
    {
        var indented = "  " + specYaml.Trim('\n').Replace("\n", "\n  ", StringComparison.Ordinal);
        var yaml = $"apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: ClientTrafficPolicy\nmetadata:\n  name: p\n  namespace: {ns}\nspec:\n{indented}\n";
        return (ClientTrafficPolicy)ResourceSerializer.LoadYaml(yaml)[0].Resource;
    }

    private static string Message(string specYaml, ClientTrafficListener? listener = null, FakeFeatureContext? context = null) =>
        ClientTrafficFeatures.Build(Policy(specYaml), listener ?? Https, context ?? new FakeFeatureContext(), Now).Errors.ToConditionMessage();

    private static IReadOnlyList<string> Errors(string specYaml, ClientTrafficListener? listener = null, FakeFeatureContext? context = null) =>
        ClientTrafficFeatures.Build(Policy(specYaml), listener ?? Https, context ?? new FakeFeatureContext(), Now).Errors.Items;

    [TestCase("tcpKeepalive:\n  probes: 3\n  idleTime: 20m\n  interval: 60s")]
    [TestCase("connection:\n  bufferLimit: 32Ki\n  connectionLimit:\n    value: 3\n    closeDelay: 10s\n    maxConnectionDuration: 1h\n    maxStreamDuration: 10m")]
    [TestCase("connection:\n  bufferLimit: 4294967295")]
    [TestCase("timeout:\n  tcp:\n    idleTimeout: 1h\n    tlsHandshakeTimeout: 10s\n    connectionInspectionTimeout: 60s\n  http:\n    requestReceivedTimeout: 5s\n    requestHeadersReceivedTimeout: 5s\n    idleTimeout: 1m\n    streamIdleTimeout: 5m")]
    [TestCase("headers:\n  enableEnvoyHeaders: true\n  withUnderscoresAction: Allow\n  maxRequestHeaderLimit: 96Ki\n  earlyRequestHeaders:\n    add:\n    - name: x-a\n      value: b\n    set:\n    - name: x-b\n      value: c\n    remove:\n    - x-c")]
    [TestCase("headers:\n  earlyRequestHeaders:\n    addIfAbsent:\n    - name: h\n      value: v\n    - name: h\n      value: dup")]
    [TestCase("http1:\n  enableTrailers: true\n  preserveHeaderCase: true\n  http10:\n    useDefaultHost: true")]
    [TestCase("http2:\n  initialStreamWindowSize: 64Ki\n  initialConnectionWindowSize: 32Mi\n  maxConcurrentStreams: 200\n  onInvalidMessage: TerminateConnection\n  connectionKeepalive:\n    interval: 10s\n    timeout: 5s")]
    [TestCase("http3: {}\npath:\n  disableMergeSlashes: true\n  escapedSlashesAction: KeepUnchanged\nclientIPDetection:\n  xForwardedFor:\n    numTrustedHops: 2\nhealthCheck:\n  path: /ready\nproxyProtocol:\n  optional: true\nscheme: MatchBackend")]
    [TestCase("tls:\n  minVersion: \"1.0\"\n  maxVersion: \"1.3\"\n  alpnProtocols: [h2]\n  ecdhCurves: [curve1]\n  signatureAlgorithms: [sig1, sig2]\n  ciphers:\n  - ECDHE-ECDSA-AES128-GCM-SHA256\n  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - \"[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-ECDSA-CHACHA20-POLY1305]\"\n  session:\n    resumption:\n      stateless: {}\n      stateful: {}")]
    public void Valid_settings_give_no_error(string spec) => Assert.That(Errors(spec), Is.Empty);

    [TestCase("tcpKeepalive:\n  idleTime: 20mins", "TCP KeepAlive: invalid IdleTime value 20mins.")]
    [TestCase("tcpKeepalive:\n  idleTime: 20m\n  interval: 1d", "TCP KeepAlive: invalid Interval value 1d.")]
    [TestCase("connection:\n  connectionLimit:\n    value: 3\n    closeDelay: 10mib", "Connection: invalid CloseDelay value 10mib.")]
    [TestCase("connection:\n  connectionLimit:\n    value: 3\n    maxConnectionDuration: 1y", "Connection: invalid MaxConnectionDuration value 1y.")]
    [TestCase("connection:\n  connectionLimit:\n    value: 3\n    maxStreamDuration: 5", "Connection: invalid MaxStreamDuration value 5.")]
    [TestCase("connection:\n  bufferLimit: 100G", "Connection: BufferLimit value 100G is out of range, must be between 0 and 4294967295.")]
    [TestCase("connection:\n  bufferLimit: 4294967296", "Connection: BufferLimit value 4294967296 is out of range, must be between 0 and 4294967295.")]
    [TestCase("connection:\n  bufferLimit: 100m", "Connection: invalid BufferLimit value 100m.")]
    [TestCase("connection:\n  bufferLimit: 1.5Ki", "Connection: invalid BufferLimit value 1536.")]
    [TestCase("connection:\n  bufferLimit: \"-1\"", "Connection: BufferLimit value -1 is out of range, must be between 0 and 4294967295.")]
    [TestCase("connection:\n  connectionLimit:\n    closeDelay: 1x\n  bufferLimit: 100G", "Connection: invalid CloseDelay value 1x.")]
    [TestCase("timeout:\n  tcp:\n    idleTimeout: 1hour", "Timeout: invalid TCP IdleTimeout value 1hour.")]
    [TestCase("timeout:\n  http:\n    requestReceivedTimeout: 10sec", "Timeout: invalid HTTP RequestReceivedTimeout value 10sec.")]
    [TestCase("timeout:\n  http:\n    idleTimeout: 5sec", "Timeout: invalid HTTP IdleTimeout value 5sec.")]
    [TestCase("timeout:\n  http:\n    streamIdleTimeout: 5sec", "Timeout: invalid HTTP StreamIdleTimeout value 5sec.")]
    [TestCase("timeout:\n  http:\n    requestHeadersReceivedTimeout: 5sec", "Timeout: invalid HTTP RequestHeadersReceivedTimeout value 5sec.")]
    [TestCase("http2:\n  initialStreamWindowSize: 1Ki\n  initialConnectionWindowSize: 1Ti", "HTTP2: InitialStreamWindowSize value 1Ki is out of range, must be between 65535 and 2147483647\nInitialConnectionWindowSize value 1Ti is out of range, must be between 65535 and 2147483647.")]
    [TestCase("http2:\n  initialConnectionWindowSize: 100m", "HTTP2: invalid InitialConnectionWindowSize value 100m.")]
    [TestCase("tls:\n  ciphers:\n  - ECDHE-RSA-AES128-GCM-SHA256\n  - INVALID-CIPHER\n  - OTHER", "TLS: unsupported cipher suite: INVALID-CIPHER.")]
    [TestCase("headers:\n  maxRequestHeaderLimit: 512", "Headers: MaxRequestHeaderLimit value 512 is out of range, must be between 1Ki and 8192Ki.")]
    [TestCase("headers:\n  earlyRequestHeaders:\n    add:\n    - name: \"\"\n      value: a\n    - name: \"x/y\"\n      value: b\n    remove:\n    - \"\"", "Headers: EarlyRequestHeaders cannot add a header with an empty name\nEarlyRequestHeaders cannot add a header with a '/' or ':' character in them. Header: '\"x/y\"'\nEarlyRequestHeaders cannot remove a header with an empty name\nEarlyRequestHeaders did not provide valid configuration to add/set/remove any headers.")]
    [TestCase("headers:\n  lateResponseHeaders:\n    set:\n    - name: \"a:b\"\n      value: b\n    - name: ok\n      value: c", "Headers: LateResponseHeaders cannot set a header with a '/' or ':' character in them. Header: '\"a:b\"'.")]
    public void Invalid_settings_give_envoy_gateway_messages(string spec, string expected) => Assert.That(Message(spec), Is.EqualTo(expected));

    [Test]
    public void Errors_follow_envoy_gateway_feature_order()
    {
        var spec = "tls:\n  ciphers: [BAD]\nhttp2:\n  initialStreamWindowSize: 1Ki\nheaders:\n  earlyRequestHeaders:\n    remove: [\"\"]\ntimeout:\n  http:\n    idleTimeout: x\nconnection:\n  bufferLimit: 100G\ntcpKeepalive:\n  interval: y";
        Assert.That(Errors(spec), Is.EqualTo(new[]
        {
            "TCP KeepAlive: invalid Interval value y",
            "Connection: BufferLimit value 100G is out of range, must be between 0 and 4294967295",
            "Timeout: invalid HTTP IdleTimeout value x",
            "Headers: EarlyRequestHeaders cannot remove a header with an empty name\nEarlyRequestHeaders did not provide valid configuration to add/set/remove any headers",
            "HTTP2: InitialStreamWindowSize value 1Ki is out of range, must be between 65535 and 2147483647",
            "TLS: unsupported cipher suite: BAD",
        }));
    }

    [Test]
    public void Http_only_features_are_ignored_on_tcp_listeners_but_common_ones_are_checked()
    {
        var spec = "http2:\n  initialStreamWindowSize: 1Ki\nheaders:\n  earlyRequestHeaders:\n    remove: [\"\"]\ntimeout:\n  tcp:\n    idleTimeout: 1x";
        Assert.That(Errors(spec, Tcp), Is.EqualTo(new[] { "Timeout: invalid TCP IdleTimeout value 1x" }));
    }

    [Test]
    public void Tls_settings_are_checked_only_where_tls_terminates()
    {
        Assert.That(Errors("tls:\n  ciphers: [BAD]", Http), Is.Empty);
        Assert.That(Errors("tls:\n  ciphers: [BAD]", Tcp), Is.Empty);
        Assert.That(Errors("tls:\n  ciphers: [BAD]", TlsTerminate), Is.EqualTo(new[] { "TLS: unsupported cipher suite: BAD" }));
    }

    [Test]
    public void Tls_defaults_to_1_2_through_1_3_on_tls_listeners()
    {
        var result = ClientTrafficFeatures.Build(Policy("headers: {}"), Https, new FakeFeatureContext(), Now);
        Assert.That(result.Settings.Tls, Is.Not.Null);
        Assert.That((result.Settings.Tls!.MinVersion, result.Settings.Tls.MaxVersion), Is.EqualTo(("1.2", "1.3")));
        Assert.That(ClientTrafficFeatures.Build(Policy("headers: {}"), Http, new FakeFeatureContext(), Now).Settings.Tls, Is.Null);
    }

    [Test]
    public void Http10_default_host_needs_a_non_wildcard_hostname()
    {
        var spec = "http1:\n  http10:\n    useDefaultHost: true";
        Assert.That(Message(spec, Http), Is.EqualTo("HTTP1: cannot set http10 default host on listener with only wildcard hostnames."));
        Assert.That(Message(spec, Http with { Hostnames = new[] { "*.example.com" } }), Is.EqualTo("HTTP1: cannot set http10 default host on listener with only wildcard hostnames."));
        var built = ClientTrafficFeatures.Build(Policy(spec), Https, new FakeFeatureContext(), Now);
        Assert.That(built.Errors.Any, Is.False);
        Assert.That(built.Settings.Http1!.Http10DefaultHost, Is.EqualTo("www.example.com"));
    }

    [Test]
    public void Http3_with_client_validation_is_disabled_on_tls_http_listeners()
    {
        var context = ContextWithCa("default", "ca", CertificatePem(Now.AddYears(-1), Now.AddYears(1), "ca.example.com"));
        var spec = "http3: {}\ntls:\n  clientValidation:\n    caCertificateRefs:\n    - name: ca";
        var result = ClientTrafficFeatures.Build(Policy(spec), Https, context, Now);
        Assert.That(result.Http3DisabledForClientValidation, Is.True);
        Assert.That(result.Settings.Http3QuicPort, Is.Null);
        Assert.That(result.Errors.Any, Is.False);

        Assert.That(ClientTrafficFeatures.Build(Policy(spec), Http, context, Now).Http3DisabledForClientValidation, Is.False);
        var plain = ClientTrafficFeatures.Build(Policy("http3: {}"), Https, context, Now);
        Assert.That((plain.Http3DisabledForClientValidation, plain.Settings.Http3QuicPort), Is.EqualTo((false, (int?)443)));
    }

    [Test]
    public void Client_validation_reads_ca_from_secrets_and_configmaps()
    {
        var pem = CertificatePem(Now.AddYears(-1), Now.AddYears(1), "ca.example.com");
        var context = ContextWithCa("default", "ca", pem);
        context.ConfigMaps.Add(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "ca-cm", NamespaceProperty = "default" }, Data = new Dictionary<string, string> { ["ca.crt"] = pem } });
        var spec = "tls:\n  clientValidation:\n    caCertificateRefs:\n    - name: ca\n    - kind: ConfigMap\n      name: ca-cm\n      namespace: default";
        var result = ClientTrafficFeatures.Build(Policy(spec), Https, context, Now);
        Assert.That(result.Errors.Items, Is.Empty);
        Assert.That(result.Settings.Tls!.ClientValidation!.CaCertificatePem, Does.Contain("BEGIN CERTIFICATE"));
        Assert.That(result.Settings.Tls.ClientValidation.RequireClientCertificate, Is.True);
    }

    [Test]
    public void Client_validation_reference_errors()
    {
        var pem = CertificatePem(Now.AddYears(-1), Now.AddYears(1), "ca.example.com");
        var context = ContextWithCa("other", "ca", pem);
        context.Secrets.Add(new V1Secret { Metadata = new V1ObjectMeta { Name = "nokey", NamespaceProperty = "default" }, Data = new Dictionary<string, byte[]> { ["a"] = Array.Empty<byte>(), ["b"] = Array.Empty<byte>() } });
        context.ConfigMaps.Add(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm-nokey", NamespaceProperty = "default" }, Data = new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" } });
        string Check(string refYaml) => Message("tls:\n  clientValidation:\n    caCertificateRefs:\n" + refYaml, Https, context);

        Assert.That(Check("    - name: ca\n      namespace: other"), Is.EqualTo("TLS: ref to Secret other/ca not permitted by any ReferenceGrant."));
        Assert.That(Check("    - name: missing"), Is.EqualTo("TLS: secret default/missing does not exist."));
        Assert.That(Check("    - name: nokey"), Is.EqualTo("TLS: caCertificateRef not found in secret nokey."));
        Assert.That(Check("    - kind: ConfigMap\n      name: nope"), Is.EqualTo("TLS: configmap default/nope does not exist."));
        Assert.That(Check("    - kind: ConfigMap\n      name: cm-nokey"), Is.EqualTo("TLS: caCertificateRef not found in configMap cm-nokey."));
        Assert.That(Check("    - kind: ConfigMap\n      name: x\n      namespace: other"), Is.EqualTo("TLS: ref to ConfigMap other/x not permitted by any ReferenceGrant."));
        Assert.That(Check("    - kind: Service\n      name: x"), Is.EqualTo("TLS: unsupported caCertificateRef kind:Service."));

        context.Grants.Add("Secret/other/ca");
        Assert.That(Errors("tls:\n  clientValidation:\n    caCertificateRefs:\n    - name: ca\n      namespace: other", Https, context), Is.Empty);
    }

    [Test]
    public void Expired_and_not_yet_valid_ca_certificates_are_reported_when_none_is_valid()
    {
        var expired = CertificatePem(new DateTimeOffset(2019, 12, 31, 15, 0, 1, TimeSpan.Zero), new DateTimeOffset(2020, 1, 1, 15, 0, 1, TimeSpan.Zero), "old.example.com");
        var future = CertificatePem(Now.AddYears(1), Now.AddYears(2), "new.example.com");
        var valid = CertificatePem(Now.AddYears(-1), Now.AddYears(1), "ok.example.com");
        var spec = "tls:\n  clientValidation:\n    caCertificateRefs:\n    - name: bundle";

        Assert.That(
            Message(spec, Https, ContextWithCa("default", "bundle", expired + future)),
            Is.EqualTo("TLS: no valid certificates exist in bundle: certificate old.example.com has expired since 2020-01-01 15:00:01 +0000 UTC\ncertificate new.example.com is not yet valid until 2027-01-01 00:00:00 +0000 UTC."));

        var mixed = ClientTrafficFeatures.Build(Policy(spec), Https, ContextWithCa("default", "bundle", expired + valid), Now);
        Assert.That(mixed.Errors.Any, Is.False);
        Assert.That(mixed.Settings.Tls!.ClientValidation!.CaCertificatePem, Is.EqualTo(valid.TrimEnd('\n') + "\n"));

        Assert.That(Message(spec, Https, ContextWithCa("default", "bundle", "not a pem")), Is.EqualTo("TLS: no valid certificates exist in bundle: pem decode failed."));
    }

    [TestCase(null, null, true, false)]
    [TestCase(null, true, false, false)]
    [TestCase("Request", null, false, true)]
    [TestCase("RequireAny", null, true, true)]
    [TestCase("VerifyIfGiven", null, false, false)]
    [TestCase("RequireAndVerify", true, true, false)]
    public void Client_validation_modes(string? mode, bool? optional, bool require, bool untrusted)
    {
        var context = ContextWithCa("default", "ca", CertificatePem(Now.AddYears(-1), Now.AddYears(1), "ca"));
        var spec = "tls:\n  clientValidation:\n    caCertificateRefs:\n    - name: ca"
            + (mode is null ? string.Empty : "\n    mode: " + mode)
            + (optional is null ? string.Empty : "\n    optional: true");
        var validation = ClientTrafficFeatures.Build(Policy(spec), Https, context, Now).Settings.Tls!.ClientValidation!;
        Assert.That((validation.RequireClientCertificate, validation.AcceptUntrusted), Is.EqualTo((require, untrusted)));
    }

    internal static FakeFeatureContext ContextWithCa(string ns, string name, string pem)
    {
        var context = new FakeFeatureContext();
        context.Secrets.Add(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Data = new Dictionary<string, byte[]> { ["ca.crt"] = Encoding.UTF8.GetBytes(pem) },
        });
        return context;
    }

    internal static string CertificatePem(DateTimeOffset notBefore, DateTimeOffset notAfter, string commonName)
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=" + commonName + ", O=Test", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return certificate.ExportCertificatePem() + "\n";
    }
}
