using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Http.HeaderFormatters.PreserveCase.V3;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>http1</c> → <c>HCM.http_protocol_options</c> (<c>enable_trailers</c>, the <c>preserve_case</c>
/// stateful header formatter, <c>accept_http_10</c> + <c>default_host_for_http_10</c>), and the same options on the
/// HTTP/1 upstream of every route cluster the listener creates (envoy-mapping.md §2). As in Envoy Gateway a cluster
/// takes the settings of the first listener that reaches it; HTTP/2 and client-protocol clusters are left alone.
/// <c>ignoredUpgradeTypes</c> is reported: the compiled API has no <c>Http1ProtocolOptions.ignore_http_11_upgrade</c>.
/// </summary>
internal sealed class Http1OptionsFeature : IListenerFeature, IIrFeature, IClusterFeature
{
    public const string PreserveCaseFormatter = "preserve_case";

    // Destinations of the current translation → the HTTP/1 settings of the first listener reaching them. Keyed by
    // the IR object, so concurrent translations never share entries and nothing outlives the IR.
    private readonly ConditionalWeakTable<DestinationIr, Http1Settings> clusterSettings = new();

    public string Name => "ctp.http1";

    public void PatchIr(GatewayIr gateway)
    {
        var seen = new HashSet<DestinationIr>();
        foreach (var listener in gateway.HttpListeners)
        {
            var http1 = listener.ClientTraffic?.Http1;
            if (http1 is { IgnoredUpgradeTypes.Count: > 0 })
            {
                ClientTrafficGaps.Warn(gateway, listener, "envoy.config.core.v3.Http1ProtocolOptions", "ignore_http_11_upgrade", "http1.ignoredUpgradeTypes");
            }

            foreach (var route in listener.Routes)
            {
                if (route.Destination is { } destination && seen.Add(destination) && http1 is not null && Options(http1) is not null)
                {
                    clusterSettings.AddOrUpdate(destination, http1);
                }
            }
        }
    }

    public void PatchHttpConnectionManager(HttpListenerIr listener, HttpConnectionManager hcm)
    {
        if (listener.ClientTraffic?.Http1 is { } http1 && Options(http1) is { } options)
        {
            hcm.HttpProtocolOptions = options;
        }
    }

    public void PatchCluster(DestinationIr destination, Cluster cluster)
    {
        if (destination.Http2 || !clusterSettings.TryGetValue(destination, out var http1) || Options(http1) is not { } options)
        {
            return;
        }

        ClusterTranslator.UpdateHttpProtocolOptions(cluster, upstream =>
        {
            var explicitConfig = upstream.ExplicitHttpConfig;
            var isHttp1 = upstream.UpstreamProtocolOptionsCase == UpstreamHttpProtocolOptions.UpstreamProtocolOptionsOneofCase.None
                || explicitConfig?.ProtocolConfigCase == UpstreamHttpProtocolOptions.Types.ExplicitHttpConfig.ProtocolConfigOneofCase.HttpProtocolOptions;
            if (isHttp1)
            {
                upstream.ExplicitHttpConfig = new UpstreamHttpProtocolOptions.Types.ExplicitHttpConfig { HttpProtocolOptions = options };
            }
        });
    }

    /// <summary>The HTTP/1 options, or null when none of trailers, header case or HTTP/1.0 is asked for.</summary>
    internal static Http1ProtocolOptions? Options(Http1Settings http1)
    {
        if (!http1.EnableTrailers && !http1.PreserveHeaderCase && !http1.Http10Enabled)
        {
            return null;
        }

        var options = new Http1ProtocolOptions { EnableTrailers = http1.EnableTrailers };
        if (http1.PreserveHeaderCase)
        {
            options.HeaderKeyFormat = new Http1ProtocolOptions.Types.HeaderKeyFormat
            {
                StatefulFormatter = new TypedExtensionConfig { Name = PreserveCaseFormatter, TypedConfig = Any.Pack(new PreserveCaseFormatterConfig()) },
            };
        }

        if (http1.Http10Enabled)
        {
            options.AcceptHttp10 = true;
            options.DefaultHostForHttp10 = http1.Http10DefaultHost ?? string.Empty;
        }

        return options;
    }
}
