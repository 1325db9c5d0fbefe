using System.Collections.Generic;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Compressor.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;
using BrotliCompressor = Envoy.Extensions.Compression.Brotli.Compressor.V3.Brotli;
using GzipCompressor = Envoy.Extensions.Compression.Gzip.Compressor.V3.Gzip;
using ZstdCompressor = Envoy.Extensions.Compression.Zstd.Compressor.V3.Zstd;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>compressor</c> (or the deprecated <c>compression</c>) (envoy-mapping.md §1, pattern B of §6):
/// one disabled HCM filter per algorithm, <c>envoy.filters.http.compressor.&lt;gzip|brotli|zstd&gt;</c>, whose library
/// has Envoy's defaults, <c>choose_first</c> on the policy's first entry and its <c>minContentLength</c> (config from
/// the first route declaring the algorithm); each route enables its algorithms with <c>CompressorPerRoute</c> and drops <c>accept-encoding</c> upstream.
/// </summary>
internal sealed class CompressorFilterFeature : IHttpFilterFeature
{
    public const string FilterPrefix = "envoy.filters.http.compressor.";

    public string Name => "btp.compressor";

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        var seen = new HashSet<string>();
        foreach (var route in routes)
        {
            if (route.Traffic?.Compression is not { } compression)
            {
                continue;
            }

            for (var i = 0; i < compression.Types.Count; i++)
            {
                if (Algorithm(compression.Types[i]) is not { } algorithm || !seen.Add(algorithm))
                {
                    continue;
                }

                var compressor = new Compressor
                {
                    CompressorLibrary = new global::Envoy.Config.Core.V3.TypedExtensionConfig
                    {
                        Name = $"envoy.compression.{algorithm}.compressor",
                        TypedConfig = Library(algorithm),
                    },
                };
                if (i == 0)
                {
                    compressor.ChooseFirst = true;
                }

                if (compression.MinContentLengths is { } lengths && i < lengths.Count && lengths[i] is { } min)
                {
                    compressor.ResponseDirectionConfig = new Compressor.Types.ResponseDirectionConfig
                    {
                        CommonConfig = new Compressor.Types.CommonDirectionConfig { MinContentLength = (uint)min },
                    };
                }

                yield return new HttpFilter { Name = FilterPrefix + algorithm, Disabled = true, TypedConfig = Any.Pack(compressor) };
            }
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.Compression is not { } compression || xdsRoute.Route_ is null)
        {
            return;
        }

        // Upstreams must not compress what the compressor filter compresses again.
        if (!xdsRoute.RequestHeadersToRemove.Contains("accept-encoding"))
        {
            xdsRoute.RequestHeadersToRemove.Add("accept-encoding");
        }

        foreach (var type in compression.Types)
        {
            if (Algorithm(type) is { } algorithm)
            {
                xdsRoute.TypedPerFilterConfig[FilterPrefix + algorithm] = Any.Pack(new CompressorPerRoute
                {
                    Overrides = new CompressorOverrides { ResponseDirectionConfig = new ResponseDirectionOverrides() },
                });
            }
        }
    }

    private static string? Algorithm(string type) => type switch
    {
        "Gzip" => "gzip",
        "Brotli" => "brotli",
        "Zstd" => "zstd",
        _ => null,
    };

    private static Any Library(string algorithm) => algorithm switch
    {
        "brotli" => Any.Pack(new BrotliCompressor()),
        "zstd" => Any.Pack(new ZstdCompressor()),
        _ => Any.Pack(new GzipCompressor()),
    };
}
