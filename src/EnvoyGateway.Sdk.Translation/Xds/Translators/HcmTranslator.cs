using System.Collections.Generic;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>
/// The HTTP connection manager with Envoy Gateway's defaults (envoy-mapping.md §7) and the HTTP filters the
/// features contributed, ordered by <see cref="HttpFilterOrder"/> with the router last.
/// </summary>
internal static class HcmTranslator
{
    public static HttpConnectionManager Translate(string statPrefix, string routeConfigName, IEnumerable<HttpFilter> featureFilters)
    {
        var hcm = new HttpConnectionManager
        {
            StatPrefix = statPrefix,
            Rds = new Rds { ConfigSource = ProtoDefaults.AdsNoInitialWait(), RouteConfigName = routeConfigName },
            ServerHeaderTransformation = HttpConnectionManager.Types.ServerHeaderTransformation.PassThrough,
            UseRemoteAddress = true,
            NormalizePath = true,
            MergeSlashes = true,
            PathWithEscapedSlashesAction = HttpConnectionManager.Types.PathWithEscapedSlashesAction.UnescapeAndRedirect,
            CommonHttpProtocolOptions = new HttpProtocolOptions { HeadersWithUnderscoresAction = HttpProtocolOptions.Types.HeadersWithUnderscoresAction.RejectRequest },
            Http2ProtocolOptions = new Http2ProtocolOptions { MaxConcurrentStreams = 100, InitialStreamWindowSize = 65536, InitialConnectionWindowSize = 1048576 },
        };
        hcm.AccessLog.AddRange(AccessLogDefaults.Plain());
        var router = new HttpFilter { Name = XdsNames.RouterFilter, TypedConfig = Any.Pack(new Router { SuppressEnvoyHeaders = true }) };
        hcm.HttpFilters.AddRange(HttpFilterOrder.Sort([.. featureFilters, router]));
        return hcm;
    }
}
