namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>What building a ClientTrafficPolicy for one listener produced.</summary>
internal sealed class ClientTrafficResult
{
    /// <summary>Errors in Envoy Gateway's order (TCP KeepAlive, Connection, Timeout, Headers, HTTP1, HTTP2, TLS).</summary>
    public FeatureErrors Errors { get; } = new();

    /// <summary>
    /// True when the policy sets <c>http3</c> and <c>tls.clientValidation</c> on an HTTP listener that terminates TLS:
    /// HTTP/3 is not enabled and the engine adds the <c>UnsupportedHTTP3ClientValidation</c> warning for this listener.
    /// </summary>
    public bool Http3DisabledForClientValidation { get; set; }

    /// <summary>The listener settings that built (the future IR pieces). Fields of failed features are null.</summary>
    public ClientTrafficSettings Settings { get; } = new();
}
