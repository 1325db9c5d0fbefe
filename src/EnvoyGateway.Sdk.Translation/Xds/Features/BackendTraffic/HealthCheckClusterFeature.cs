using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Type.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>healthCheck</c> (envoy-mapping.md §1): <c>active</c> → <c>Cluster.health_checks[0]</c>
/// (HTTP: host = hostname or the route hostname, path, method, expected statuses default 200 and retriable statuses as
/// merged half-open ranges, hex-encoded text payloads; TCP: send/receive; gRPC: service name) and
/// <c>overrides.port</c> → every endpoint's <c>health_check_config.port_value</c>; <c>passive</c> →
/// <c>Cluster.outlier_detection</c> with the CRD defaults; <c>panicThreshold</c> → <c>common_lb_config.healthy_panic_threshold</c>
/// (omitted at Envoy's default 50).
/// </summary>
internal sealed class HealthCheckClusterFeature : IClusterFeature, IIrFeature
{
    public string Name => "btp.healthCheck";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var route in gateway.HttpListeners.SelectMany(l => l.Routes))
        {
            if (route.Destination is { } destination)
            {
                destination.RouteHostname ??= route.Hostname;
            }
        }
    }

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.HealthCheck is not { } health)
        {
            return;
        }

        if (health.ActiveSettings is { } active && Active(active, destination) is { } check)
        {
            cluster.HealthChecks.Add(check);
        }

        if (health.PassiveSettings is { } passive)
        {
            cluster.OutlierDetection = Outlier(passive);
        }

        if (health.PanicThreshold is { } panic && panic != 50)
        {
            (cluster.CommonLbConfig ??= new Cluster.Types.CommonLbConfig()).HealthyPanicThreshold = new Percent { Value = panic };
        }
    }

    public void PatchEndpoints(DestinationIr destination, ClusterLoadAssignment assignment)
    {
        if (destination.Traffic?.HealthCheck?.ActiveSettings?.OverridePort is not { } port)
        {
            return;
        }

        foreach (var endpoint in assignment.Endpoints.SelectMany(l => l.LbEndpoints))
        {
            endpoint.Endpoint.HealthCheckConfig = new Endpoint.Types.HealthCheckConfig { PortValue = (uint)port };
        }
    }

    private static HealthCheck? Active(ActiveHealthCheckIr active, DestinationIr destination)
    {
        var check = new HealthCheck
        {
            Timeout = ProtoDefaults.Nanos(active.TimeoutNanoseconds),
            Interval = ProtoDefaults.Nanos(active.IntervalNanoseconds),
            UnhealthyThreshold = (uint)active.UnhealthyThreshold,
            HealthyThreshold = (uint)active.HealthyThreshold,
        };
        if (active.InitialJitterNanoseconds is { } jitter)
        {
            check.InitialJitter = ProtoDefaults.Nanos(jitter);
        }

        switch (active.Type)
        {
            case "HTTP":
                var http = new HealthCheck.Types.HttpHealthCheck
                {
                    Host = active.HttpHostname ?? destination.RouteHostname ?? "*",
                    Path = active.HttpPath ?? "/",
                };
                if (active.HttpMethod is { } method && Enum.TryParse<RequestMethod>(method, ignoreCase: true, out var parsed))
                {
                    http.Method = parsed;
                }

                http.ExpectedStatuses.AddRange(Ranges(active.ExpectedStatuses.Count > 0 ? active.ExpectedStatuses : [200]));
                http.RetriableStatuses.AddRange(Ranges(active.RetriableStatuses));
                if (Payload(active.HttpRequestBody) is { } send)
                {
                    http.Send = send;
                }

                if (Payload(active.HttpExpectedResponse) is { } receive)
                {
                    http.Receive.Add(receive);
                }

                check.HttpHealthCheck = http;
                break;
            case "TCP":
                var tcp = new HealthCheck.Types.TcpHealthCheck();
                if (Payload(active.TcpSend) is { } tcpSend)
                {
                    tcp.Send = tcpSend;
                }

                if (Payload(active.TcpReceive) is { } tcpReceive)
                {
                    tcp.Receive.Add(tcpReceive);
                }

                check.TcpHealthCheck = tcp;
                break;
            case "GRPC":
                check.GrpcHealthCheck = new HealthCheck.Types.GrpcHealthCheck { ServiceName = active.GrpcService ?? string.Empty };
                break;
            default:
                return null;
        }

        return check;
    }

    // Status codes as half-open ranges, contiguous codes merged: [200, 201, 204] → [200, 202), [204, 205).
    internal static IEnumerable<Int64Range> Ranges(IEnumerable<long> codes)
    {
        Int64Range? current = null;
        foreach (var code in codes.Distinct().Order())
        {
            if (current is not null && current.End == code)
            {
                current.End = code + 1;
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            current = new Int64Range { Start = code, End = code + 1 };
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    // Envoy Gateway sends text payloads hex-encoded; binary payloads are base64 in the policy.
    private static HealthCheck.Types.Payload? Payload(HealthCheckPayloadIr? payload)
    {
        if (payload?.Text is { Length: > 0 } text)
        {
            return new HealthCheck.Types.Payload { Text = Convert.ToHexString(Encoding.UTF8.GetBytes(text)) };
        }

        if (payload?.Binary is { Length: > 0 } binary)
        {
            try
            {
                return new HealthCheck.Types.Payload { Binary = ByteString.FromBase64(binary) };
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }

    private static OutlierDetection Outlier(PassiveHealthCheckIr passive)
    {
        var outlier = new OutlierDetection
        {
            Interval = ProtoDefaults.Nanos(passive.IntervalNanoseconds),
            BaseEjectionTime = ProtoDefaults.Nanos(passive.BaseEjectionTimeNanoseconds),
            MaxEjectionPercent = (uint)passive.MaxEjectionPercent,
            Consecutive5Xx = (uint)passive.Consecutive5xxErrors,
            ConsecutiveLocalOriginFailure = (uint)passive.ConsecutiveLocalOriginFailures,
            SplitExternalLocalOriginErrors = passive.SplitExternalLocalOriginErrors,
        };
        if (passive.ConsecutiveGatewayErrors is { } gateway)
        {
            outlier.ConsecutiveGatewayFailure = (uint)gateway;
            outlier.EnforcingConsecutiveGatewayFailure = 100;
        }

        if (passive.FailurePercentageThreshold is { } failure)
        {
            outlier.FailurePercentageThreshold = (uint)failure;
            outlier.EnforcingFailurePercentage = 100;
        }

        if (passive.AlwaysEjectOneEndpoint)
        {
            outlier.AlwaysEjectOneHost = true;
        }

        return outlier;
    }
}
