using System;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>
/// Builds a ClientTrafficPolicy for one listener in Envoy Gateway's order: the common pieces (TCP keepalive,
/// connection, proxy protocol, timeout) for every listener; then for HTTP listeners path, client IP detection,
/// headers, HTTP/1, HTTP/2, HTTP/3, health check, gRPC-Web, scheme and TLS; for TCP/TLS listeners only TLS.
/// Errors accumulate as <c>&lt;Prefix&gt;: &lt;detail&gt;</c> (raw; the engine joins and normalizes them).
/// </summary>
/// <remarks>
/// The port-overlap check, section/whole-scope claims, Overridden and the deprecated-field warning belong to the
/// engine. HTTP/3 with client validation sets <see cref="ClientTrafficResult.Http3DisabledForClientValidation"/>.
/// </remarks>
internal static class ClientTrafficFeatures
{
    /// <summary>Builds <paramref name="policy"/> for <paramref name="listener"/> (certificate validity checked against now).</summary>
    public static ClientTrafficResult Build(ClientTrafficPolicy policy, ClientTrafficListener listener, IFeatureContext context) =>
        Build(policy, listener, context, DateTimeOffset.UtcNow);

    /// <summary>Builds <paramref name="policy"/> for <paramref name="listener"/>, checking certificate validity at <paramref name="now"/>.</summary>
    public static ClientTrafficResult Build(ClientTrafficPolicy policy, ClientTrafficListener listener, IFeatureContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(context);

        var result = new ClientTrafficResult();
        var settings = result.Settings;
        var errors = result.Errors;
        var spec = policy.Spec ?? new ClientTrafficPolicySpec();

        settings.TcpKeepalive = TcpKeepaliveFeature.Build(spec.TcpKeepalive, out var error);
        Add(errors, TcpKeepaliveFeature.Prefix, error);

        settings.Connection = ConnectionFeature.Build(spec.Connection, out error);
        Add(errors, ConnectionFeature.Prefix, error);

        if (spec.ProxyProtocol is not null)
        {
            settings.ProxyProtocol = new ProxyProtocolSettings(spec.ProxyProtocol.Optional ?? false);
        }
        else if (spec.EnableProxyProtocol == true)
        {
            settings.ProxyProtocol = new ProxyProtocolSettings(false);
        }

        settings.Timeout = ClientTimeoutFeature.Build(spec.Timeout, out error);
        Add(errors, ClientTimeoutFeature.Prefix, error);

        if (listener.IsHttp)
        {
            settings.Path = PathFeature.Build(spec.Path);
            settings.ClientIPDetection = ClientIPDetectionFeature.Build(spec.ClientIPDetection);

            settings.Headers = HeadersFeature.Build(spec.Headers, out error);
            Add(errors, HeadersFeature.Prefix, error);

            settings.Http1 = Http1Feature.Build(spec.Http1, listener, out error);
            Add(errors, Http1Feature.Prefix, error);

            settings.Http2 = Http2Feature.Build(spec.Http2, out error);
            Add(errors, Http2Feature.Prefix, error);

            if (listener.TerminatesTls && spec.Http3 is not null)
            {
                if (spec.Tls?.ClientValidation is not null)
                {
                    result.Http3DisabledForClientValidation = true;
                }
                else
                {
                    settings.Http3QuicPort = listener.Port;
                }
            }

            settings.HealthCheckPath = spec.HealthCheck?.Path;
            settings.EnableGrpcWeb = spec.Grpc?.EnableWeb ?? false;
            settings.SchemeMatchBackend = spec.Scheme?.Value == "MatchBackend";

            settings.Tls = TlsFeature.Build(policy, listener, context, now, out error);
            Add(errors, TlsFeature.Prefix, error);
        }
        else if (listener.IsTcp)
        {
            settings.Tls = TlsFeature.Build(policy, listener, context, now, out error);
            Add(errors, TlsFeature.Prefix, error);
        }

        return result;
    }

    private static void Add(FeatureErrors errors, string prefix, string? error)
    {
        if (error is not null)
        {
            errors.Add(prefix, error);
        }
    }
}
