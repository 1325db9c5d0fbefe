using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>The IR listener settings a ClientTrafficPolicy produced for one listener (filled as features build).</summary>
internal sealed class ClientTrafficSettings
{
    public TcpKeepaliveSettings? TcpKeepalive { get; set; }

    public ClientConnectionSettings? Connection { get; set; }

    public ProxyProtocolSettings? ProxyProtocol { get; set; }

    public ClientTimeoutSettings? Timeout { get; set; }

    public PathSettings? Path { get; set; }

    public ClientIPDetectionSettings? ClientIPDetection { get; set; }

    public HeaderSettings? Headers { get; set; }

    public Http1Settings? Http1 { get; set; }

    public Http2Settings? Http2 { get; set; }

    /// <summary>The QUIC port when HTTP/3 is enabled.</summary>
    public int? Http3QuicPort { get; set; }

    public string? HealthCheckPath { get; set; }

    public bool EnableGrpcWeb { get; set; }

    /// <summary>True for <c>scheme: MatchBackend</c>.</summary>
    public bool SchemeMatchBackend { get; set; }

    public ListenerTlsSettings? Tls { get; set; }

    /// <summary>
    /// True when the policy failed to build for this listener. The listener then keeps none of the settings Envoy
    /// Gateway applies only after a clean build (TCP keepalive, connection, proxy protocol, timeout, TLS), and its
    /// routes answer 500 (HTTP) or are removed (TCP) (policy-attachment.md §8.4).
    /// </summary>
    public bool Invalid { get; set; }

    /// <summary>Marks the settings invalid and drops those applied only after a clean build.</summary>
    public void Invalidate()
    {
        Invalid = true;
        TcpKeepalive = null;
        Connection = null;
        ProxyProtocol = null;
        Timeout = null;
        Tls = null;
    }
}

internal sealed record TcpKeepaliveSettings(int? Probes, uint? IdleTimeSeconds, uint? IntervalSeconds);

internal sealed record ConnectionLimitSettings(
    ulong? Value,
    long? CloseDelayNanos,
    long? MaxConnectionDurationNanos,
    int? MaxRequestsPerConnection,
    long? MaxStreamDurationNanos);

internal sealed record ClientConnectionSettings(ConnectionLimitSettings? ConnectionLimit, uint? BufferLimitBytes, uint? MaxAcceptPerSocketEvent);

internal sealed record ProxyProtocolSettings(bool Optional);

internal sealed record ClientTimeoutSettings(
    long? TcpIdleTimeoutNanos,
    long? TcpConnectionInspectionTimeoutNanos,
    long? TcpTlsHandshakeTimeoutNanos,
    long? HttpRequestReceivedTimeoutNanos,
    long? HttpRequestHeadersReceivedTimeoutNanos,
    long? HttpIdleTimeoutNanos,
    long? HttpStreamIdleTimeoutNanos);

internal sealed record PathSettings(bool MergeSlashes, string EscapedSlashesAction);

internal sealed record ClientIPDetectionSettings(
    uint? XffNumTrustedHops,
    IReadOnlyList<string>? XffTrustedCidrs,
    bool SkipXffAppend,
    string? CustomHeaderName,
    bool CustomHeaderFailClosed);

internal sealed record HeaderMutation(string Name, string Value, string Action);

internal sealed record HeaderSettings(
    bool EnableEnvoyHeaders,
    bool DisableRateLimitHeaders,
    string WithUnderscoresAction,
    string? RequestId,
    string? XfccMode,
    IReadOnlyList<string> XfccCertDetails,
    IReadOnlyList<HeaderMutation> EarlyAddRequestHeaders,
    IReadOnlyList<string> EarlyRemoveRequestHeaders,
    IReadOnlyList<HeaderMutation> LateAddResponseHeaders,
    IReadOnlyList<string> LateRemoveResponseHeaders,
    bool StripTrailingHostDot,
    uint? MaxRequestHeadersKb)
{
    /// <summary>True when <c>earlyRequestHeaders.removeOnMatch</c> has entries.</summary>
    public bool EarlyRemoveOnMatch { get; init; }

    /// <summary>True when <c>lateResponseHeaders.removeOnMatch</c> has entries.</summary>
    public bool LateRemoveOnMatch { get; init; }
}

internal sealed record Http1Settings(bool EnableTrailers, bool PreserveHeaderCase, bool Http10Enabled, string? Http10DefaultHost, bool DisableSafeMaxConnectionDuration)
{
    /// <summary><c>ignoredUpgradeTypes</c> (the upgrade type names), empty when not set.</summary>
    public IReadOnlyList<string> IgnoredUpgradeTypes { get; init; } = [];
}

internal sealed record Http2Settings(
    uint? InitialStreamWindowSize,
    uint? InitialConnectionWindowSize,
    int? MaxConcurrentStreams,
    bool? ResetStreamOnError,
    long? KeepaliveIntervalNanos,
    long? KeepaliveTimeoutNanos,
    long? KeepaliveIdleIntervalNanos,
    int? KeepaliveIntervalJitter);

internal sealed record ListenerTlsSettings(
    string MinVersion,
    string MaxVersion,
    IReadOnlyList<string>? AlpnProtocols,
    IReadOnlyList<string>? Ciphers,
    IReadOnlyList<string>? EcdhCurves,
    IReadOnlyList<string>? SignatureAlgorithms,
    bool StatelessSessionResumption,
    bool StatefulSessionResumption,
    ClientValidationSettings? ClientValidation)
{
    /// <summary><c>fingerprints</c> (<c>JA3</c>, <c>JA4</c>), empty when not set.</summary>
    public IReadOnlyList<string> Fingerprints { get; init; } = [];
}

/// <summary>Client certificate validation; <see cref="CaCertificatePem"/> is the concatenated valid CA bundle.</summary>
internal sealed record ClientValidationSettings(
    string CaSecretName,
    string? CaCertificatePem,
    string? CrlPem,
    bool RequireClientCertificate,
    bool AcceptUntrusted,
    bool AllowExpiredCertificate)
{
    /// <summary><c>subjectAltNames</c>, in Envoy Gateway's order: DNS, email, IP, URI, other names.</summary>
    public IReadOnlyList<SubjectAltNameMatch> SubjectAltNames { get; init; } = [];

    /// <summary><c>certificateHashes</c> (hex SHA-256 fingerprints).</summary>
    public IReadOnlyList<string> CertificateHashes { get; init; } = [];

    /// <summary><c>spkiHashes</c> (base64 SHA-256 of the SubjectPublicKeyInfo).</summary>
    public IReadOnlyList<string> SpkiHashes { get; init; } = [];

    /// <summary><c>crl.onlyVerifyLeafCertificate</c>.</summary>
    public bool OnlyVerifyLeafCertificateCrl { get; init; }
}

/// <summary>One SAN matcher: <paramref name="SanType"/> <c>DNS</c>/<c>EMAIL</c>/<c>IP_ADDRESS</c>/<c>URI</c>/<c>OTHER_NAME</c>, match type <c>Exact</c>/<c>Prefix</c>/<c>Suffix</c>/<c>RegularExpression</c>.</summary>
internal sealed record SubjectAltNameMatch(string SanType, string MatchType, string Value, string? Oid);
