using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.ExtAuthz.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Type.Matcher.V3;
using Envoy.Type.V3;
using EnvoyGateway.Sdk.Translation.Features.Security;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// SecurityPolicy <c>extAuth</c> (envoy-mapping.md §3, §6 pattern B): one disabled
/// <c>envoy.filters.http.ext_authz/securitypolicy/&lt;ns&gt;/&lt;name&gt;</c> filter per policy calling the gRPC or HTTP
/// service at cluster <c>securitypolicy/&lt;ns&gt;/&lt;name&gt;/extauth/0</c> (authority <c>&lt;svc&gt;.&lt;ns&gt;:&lt;port&gt;</c>,
/// timeout 10s unless set), with failOpen, recomputeRoute, headersToExtAuth, bodyToExtAuth, statusOnError and
/// includeRouteMetadata; enabled per route by <c>ExtAuthzPerRoute.check_settings</c> carrying the context extensions.
/// <c>backendSettings</c> shape the cluster (<see cref="ExtServiceSettings"/>); its retry becomes
/// <c>GrpcService.retry_policy</c> (the HTTP service's <c>retry_policy</c> is missing from the compiled API: reported).
/// </summary>
internal sealed class ExtAuthzFilterFeature : IHttpFilterFeature, IResourceFeature, IIrFeature
{
    public const string FilterPrefix = "envoy.filters.http.ext_authz";
    private const string HttpServiceMessage = "envoy.extensions.filters.http.ext_authz.v3.HttpService";

    public string Name => "sp.extAuth";

    public static string FilterName(SecurityIr policy) => $"{FilterPrefix}/{policy.IrName}";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var policy in SecurityPolicies.Of(gateway).Where(p => p.Features.ExtAuth is not null))
        {
            foreach (var problem in policy.Problems)
            {
                SecurityPolicies.Warn(gateway, $"SecurityPolicy {policy.Namespace}/{policy.Name}: {problem}");
            }

            var extAuth = policy.Features.ExtAuth!;
            if (policy.ExtAuthDestination is not { } destination)
            {
                SecurityPolicies.Warn(gateway, SecurityPolicies.NotTranslated(policy, "extAuth", "no backend of the authorization service resolved to endpoints"));
            }
            else
            {
                ExtServiceSettings.Report(gateway, policy, extAuth.Traffic, new ExtServiceSettings.Target(
                    destination, extAuth.IsGrpc ? null : (HttpServiceMessage, "retry_policy")));
            }

            if (extAuth.HttpPathOverride is not null)
            {
                SecurityPolicies.Warn(gateway, SecurityPolicies.FieldNotEmitted(policy, HttpServiceMessage, "path_override", "extAuth.http.pathOverride"));
            }
        }
    }

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        foreach (var policy in SecurityPolicies.Of(routes).Where(Applies))
        {
            yield return new HttpFilter { Name = FilterName(policy), Disabled = true, TypedConfig = Any.Pack(Config(policy.Features.ExtAuth!, policy.ExtAuthDestination!)) };
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Security is { } policy && Applies(policy))
        {
            var perRoute = new ExtAuthzPerRoute { CheckSettings = new CheckSettings() };
            foreach (var extension in policy.Features.ExtAuth!.ContextExtensions)
            {
                perRoute.CheckSettings.ContextExtensions[extension.Name] = extension.Value;
            }

            xdsRoute.TypedPerFilterConfig[FilterName(policy)] = Any.Pack(perRoute);
        }
    }

    public void AddResources(GatewayIr gateway, XdsResourceSink sink)
    {
        foreach (var policy in SecurityPolicies.Of(gateway).Where(Applies))
        {
            ServiceClusters.Add(policy.ExtAuthDestination!, policy.Features.ExtAuth!.Traffic, sink);
        }
    }

    private static bool Applies(SecurityIr policy) => policy.Features.ExtAuth is not null && policy.ExtAuthDestination is not null;

    internal static ExtAuthz Config(ExtAuthIr extAuth, DestinationIr destination)
    {
        var timeout = ProtoDefaults.Nanos(extAuth.Timeout is { } t ? t.Ticks * 100 : 10_000_000_000L);
        var authority = Authority(extAuth.Destinations[0]);
        var config = new ExtAuthz
        {
            TransportApiVersion = ApiVersion.V3,
            FailureModeAllow = extAuth.FailOpen,
            ClearRouteCache = extAuth.RecomputeRoute,
        };
        if (extAuth.IsGrpc)
        {
            config.GrpcService = new GrpcService
            {
                EnvoyGrpc = new GrpcService.Types.EnvoyGrpc { ClusterName = destination.Name, Authority = authority },
                Timeout = timeout,
                RetryPolicy = ExtServiceSettings.Retry(extAuth.Traffic),
            };
        }
        else
        {
            config.HttpService = new HttpService
            {
                ServerUri = new HttpUri { Uri = "http://" + authority + (extAuth.HttpPath ?? string.Empty), Cluster = destination.Name, Timeout = timeout },
                PathPrefix = extAuth.HttpPath ?? string.Empty,
            };
            if (extAuth.HeadersToBackend is { Count: > 0 } toBackend)
            {
                config.HttpService.AuthorizationResponse = new AuthorizationResponse { AllowedUpstreamHeaders = Patterns(toBackend) };
            }
        }

        if (extAuth.HeadersToExtAuth is { Count: > 0 } toExtAuth)
        {
            config.AllowedHeaders = Patterns(toExtAuth);
        }

        if (extAuth.MaxRequestBytes is { } maxBytes)
        {
            config.WithRequestBody = new BufferSettings { MaxRequestBytes = (uint)maxBytes };
        }

        if (extAuth.StatusOnError is { } status)
        {
            config.StatusOnError = new HttpStatus { Code = (StatusCode)status };
        }

        if (extAuth.IncludeRouteMetadata)
        {
            config.RouteMetadataContextNamespaces.Add("envoy-gateway");
        }

        return config;
    }

    // Envoy Gateway's authority of a Service backend: <name>.<namespace>:<port>.
    private static string Authority(ExtServiceDestination backend) =>
        string.Create(CultureInfo.InvariantCulture, $"{backend.Name}.{backend.Namespace}:{backend.Port}");

    private static ListStringMatcher Patterns(IEnumerable<string> headers)
    {
        var matcher = new ListStringMatcher();
        matcher.Patterns.AddRange(headers.Select(h => new StringMatcher { Exact = h, IgnoreCase = true }));
        return matcher;
    }
}
