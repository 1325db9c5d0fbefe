using System;
using System.Linq;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Http.AdmissionControl.V3;
using Envoy.Extensions.Filters.Http.UpstreamCodec.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Type.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>admissionControl</c> → upstream HTTP filters in the cluster's HTTP protocol options
/// (envoy-mapping.md §1): <c>envoy.filters.http.admission_control</c> (enabled, sampling window, success-rate
/// threshold, aggression, RPS threshold, max rejection probability, HTTP/gRPC success criteria) followed by the
/// terminal upstream codec.
/// </summary>
internal sealed class AdmissionControlClusterFeature : IClusterFeature
{
    public const string FilterName = "envoy.filters.http.admission_control";
    public const string UpstreamCodecName = "envoy.extensions.filters.http.upstream_codec.v3.UpstreamCodec";

    private static readonly string[] GrpcCodes =
    [
        "Ok", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists", "PermissionDenied",
        "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange", "Unimplemented", "Internal", "Unavailable", "DataLoss", "Unauthenticated",
    ];

    public string Name => "btp.admissionControl";

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Traffic?.AdmissionControl is not { } admission)
        {
            return;
        }

        var filter = Filter(admission);
        ClusterTranslator.UpdateHttpProtocolOptions(cluster, options =>
        {
            options.HttpFilters.Add(new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(filter) });
            options.HttpFilters.Add(new HttpFilter { Name = UpstreamCodecName, TypedConfig = Any.Pack(new UpstreamCodec()) });
        });
    }

    private static AdmissionControl Filter(AdmissionControlIr admission)
    {
        var filter = new AdmissionControl
        {
            Enabled = new RuntimeFeatureFlag { DefaultValue = true, RuntimeKey = "admission_control.enabled" },
            SuccessCriteria = new AdmissionControl.Types.SuccessCriteria(),
        };
        if (admission.SamplingWindowNanoseconds is { } window)
        {
            filter.SamplingWindow = ProtoDefaults.Nanos(window);
        }

        if (admission.MinSuccessRate is { } successRate)
        {
            filter.SrThreshold = new RuntimePercent { DefaultValue = new Percent { Value = successRate }, RuntimeKey = "admission_control.sr_threshold" };
        }

        if (admission.RejectionAggression is { } aggression)
        {
            filter.Aggression = new RuntimeDouble { DefaultValue = aggression, RuntimeKey = "admission_control.aggression" };
        }

        if (admission.MinRequestRate is { } rps)
        {
            filter.RpsThreshold = new RuntimeUInt32 { DefaultValue = (uint)rps, RuntimeKey = "admission_control.rps_threshold" };
        }

        if (admission.MaxRejectionPercent is { } maxRejection)
        {
            filter.MaxRejectionProbability = new RuntimePercent { DefaultValue = new Percent { Value = maxRejection }, RuntimeKey = "admission_control.max_rejection_probability" };
        }

        if (admission.HttpSuccessStatuses is { Count: > 0 } http)
        {
            var criteria = new AdmissionControl.Types.SuccessCriteria.Types.HttpCriteria();
            criteria.HttpSuccessStatus.AddRange(http.Select(code => new Int32Range { Start = (int)code, End = (int)code + 1 }));
            filter.SuccessCriteria.HttpCriteria = criteria;
        }

        if (admission.GrpcSuccessStatuses is { Count: > 0 } grpc)
        {
            var criteria = new AdmissionControl.Types.SuccessCriteria.Types.GrpcCriteria();
            criteria.GrpcSuccessStatus.AddRange(grpc.Select(name => Array.IndexOf(GrpcCodes, name)).Where(code => code >= 0).Select(code => (uint)code));
            filter.SuccessCriteria.GrpcCriteria = criteria;
        }

        return filter;
    }
}
