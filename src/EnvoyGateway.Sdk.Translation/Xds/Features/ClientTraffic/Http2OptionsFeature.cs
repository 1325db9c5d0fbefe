using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Percent = Envoy.Type.V3.Percent;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>http2</c> → <c>HCM.http2_protocol_options</c> (envoy-mapping.md §2): max concurrent streams and
/// window sizes replace Envoy Gateway's defaults (100 / 65536 / 1048576); <c>onInvalidMessage</c> →
/// <c>override_stream_error_on_invalid_http_message</c> (TerminateStream → true); <c>connectionKeepalive</c> →
/// <c>connection_keepalive</c>.
/// </summary>
internal sealed class Http2OptionsFeature : IListenerFeature
{
    public string Name => "ctp.http2";

    public void PatchHttpConnectionManager(HttpListenerIr listener, HttpConnectionManager hcm)
    {
        if (listener.ClientTraffic?.Http2 is not { } http2)
        {
            return;
        }

        var options = hcm.Http2ProtocolOptions ??= new Http2ProtocolOptions();
        if (http2.MaxConcurrentStreams is { } streams)
        {
            options.MaxConcurrentStreams = unchecked((uint)streams);
        }

        if (http2.InitialStreamWindowSize is { } streamWindow)
        {
            options.InitialStreamWindowSize = streamWindow;
        }

        if (http2.InitialConnectionWindowSize is { } connectionWindow)
        {
            options.InitialConnectionWindowSize = connectionWindow;
        }

        if (http2.ResetStreamOnError is { } reset)
        {
            options.OverrideStreamErrorOnInvalidHttpMessage = reset;
        }

        if (http2.KeepaliveIntervalNanos is null && http2.KeepaliveTimeoutNanos is null && http2.KeepaliveIdleIntervalNanos is null && http2.KeepaliveIntervalJitter is null)
        {
            return;
        }

        var keepalive = new KeepaliveSettings();
        if (http2.KeepaliveIntervalNanos is { } interval)
        {
            keepalive.Interval = ProtoDefaults.Nanos(interval);
        }

        if (http2.KeepaliveTimeoutNanos is { } timeout)
        {
            keepalive.Timeout = ProtoDefaults.Nanos(timeout);
        }

        if (http2.KeepaliveIntervalJitter is { } jitter)
        {
            keepalive.IntervalJitter = new Percent { Value = jitter };
        }

        if (http2.KeepaliveIdleIntervalNanos is { } idle)
        {
            keepalive.ConnectionIdleInterval = ProtoDefaults.Nanos(idle);
        }

        options.ConnectionKeepalive = keepalive;
    }
}
