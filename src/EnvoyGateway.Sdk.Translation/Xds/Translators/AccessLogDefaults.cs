using System.Collections.Generic;
using Envoy.Config.Accesslog.V3;
using Envoy.Config.Core.V3;
using Envoy.Extensions.AccessLoggers.File.V3;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>
/// The JSON file access log to <c>/dev/stdout</c> Envoy Gateway adds when the EnvoyProxy has no telemetry settings:
/// on listeners with a <c>NR</c> (no route) response-flag filter, on HCMs and TCP/UDP proxies without filter.
/// </summary>
internal static class AccessLogDefaults
{
    public const string FileLoggerName = "envoy.access_loggers.file";

    private static readonly (string Key, string Value)[] Fields =
    [
        ("start_time", "%START_TIME%"),
        ("method", "%REQ(:METHOD)%"),
        ("x-envoy-origin-path", "%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%"),
        ("protocol", "%PROTOCOL%"),
        ("response_code", "%RESPONSE_CODE%"),
        ("response_flags", "%RESPONSE_FLAGS%"),
        ("response_code_details", "%RESPONSE_CODE_DETAILS%"),
        ("connection_termination_details", "%CONNECTION_TERMINATION_DETAILS%"),
        ("upstream_transport_failure_reason", "%UPSTREAM_TRANSPORT_FAILURE_REASON%"),
        ("bytes_received", "%BYTES_RECEIVED%"),
        ("bytes_sent", "%BYTES_SENT%"),
        ("duration", "%DURATION%"),
        ("x-envoy-upstream-service-time", "%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%"),
        ("x-forwarded-for", "%REQ(X-FORWARDED-FOR)%"),
        ("user-agent", "%REQ(USER-AGENT)%"),
        ("x-request-id", "%REQ(X-REQUEST-ID)%"),
        (":authority", "%REQ(:AUTHORITY)%"),
        ("upstream_host", "%UPSTREAM_HOST%"),
        ("upstream_cluster", "%UPSTREAM_CLUSTER%"),
        ("upstream_local_address", "%UPSTREAM_LOCAL_ADDRESS%"),
        ("downstream_local_address", "%DOWNSTREAM_LOCAL_ADDRESS%"),
        ("downstream_remote_address", "%DOWNSTREAM_REMOTE_ADDRESS%"),
        ("requested_server_name", "%REQUESTED_SERVER_NAME%"),
        ("route_name", "%ROUTE_NAME%"),
    ];

    /// <summary>The listener access log: only requests that matched no route.</summary>
    public static IEnumerable<AccessLog> ForListener()
    {
        var log = File();
        log.Filter = new AccessLogFilter { ResponseFlagFilter = new ResponseFlagFilter { Flags = { "NR" } } };
        return [log];
    }

    /// <summary>The HCM / TCP proxy / UDP proxy access log.</summary>
    public static IEnumerable<AccessLog> Plain() => [File()];

    private static AccessLog File()
    {
        var format = new Struct();
        foreach (var (key, value) in Fields)
        {
            format.Fields[key] = Value.ForString(value);
        }

        var config = new FileAccessLog { Path = "/dev/stdout", LogFormat = new SubstitutionFormatString { JsonFormat = format } };
        return new AccessLog { Name = FileLoggerName, TypedConfig = Any.Pack(config) };
    }
}
