using System;
using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Common.Fault.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Type.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>faultInjection</c> (envoy-mapping.md §1, pattern A of §6): an empty
/// <c>envoy.filters.http.fault</c> in the HCM, and per route <c>HTTPFault{delay, abort}</c> with percentages as
/// per-million fractions (CRD default 100%).
/// </summary>
internal sealed class FaultInjectionFilterFeature : IHttpFilterFeature
{
    public const string FilterName = "envoy.filters.http.fault";

    public string Name => "btp.faultInjection";

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes) =>
        routes.Any(r => r.Traffic?.FaultInjection is not null)
            ? [new HttpFilter { Name = FilterName, TypedConfig = Any.Pack(new HTTPFault()) }]
            : [];

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.FaultInjection is not { } fault || xdsRoute.Route_ is null)
        {
            return;
        }

        var config = new HTTPFault();
        if (fault.DelayNanoseconds is { } delay)
        {
            config.Delay = new FaultDelay { FixedDelay = ProtoDefaults.Nanos(delay), Percentage = PerMillion(fault.DelayPercentage ?? 100) };
        }

        if (fault.AbortHttpStatus is not null || fault.AbortGrpcStatus is not null)
        {
            config.Abort = new FaultAbort { Percentage = PerMillion(fault.AbortPercentage ?? 100) };
            if (fault.AbortGrpcStatus is { } grpc)
            {
                config.Abort.GrpcStatus = (uint)grpc;
            }
            else
            {
                config.Abort.HttpStatus = (uint)fault.AbortHttpStatus!.Value;
            }
        }

        xdsRoute.TypedPerFilterConfig[FilterName] = Any.Pack(config);
    }

    internal static FractionalPercent PerMillion(double percent) => new()
    {
        Numerator = (uint)Math.Round(percent * 10000),
        Denominator = FractionalPercent.Types.DenominatorType.Million,
    };
}
