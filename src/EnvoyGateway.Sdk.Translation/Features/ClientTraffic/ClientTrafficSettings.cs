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
    uint? MaxRequestHeadersKb);

internal sealed record Http1Settings(bool EnableTrailers, bool PreserveHeaderCase, bool Http10Enabled, string? Http10DefaultHost, bool DisableSafeMaxConnectionDuration);

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
    ClientValidationSettings? ClientValidation);

/// <summary>Client certificate validation; <see cref="CaCertificatePem"/> is the concatenated valid CA bundle.</summary>
internal sealed record ClientValidationSettings(
    string CaSecretName,
    string? CaCertificatePem,
    string? CrlPem,
    bool RequireClientCertificate,
    bool AcceptUntrusted,
    bool AllowExpiredCertificate);
