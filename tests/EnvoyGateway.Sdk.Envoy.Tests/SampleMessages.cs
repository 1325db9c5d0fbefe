using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Http.Compressor.V3;
using Envoy.Extensions.Filters.Http.JwtAuthn.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;
using CorsFilter = Envoy.Extensions.Filters.Http.Cors.V3.Cors;
using GzipCompressor = Envoy.Extensions.Compression.Gzip.Compressor.V3.Gzip;
using LocalRateLimitFilter = Envoy.Extensions.Filters.Http.LocalRatelimit.V3.LocalRateLimit;
using RouterFilter = Envoy.Extensions.Filters.Http.Router.V3.Router;

namespace EnvoyGateway.Sdk.Envoy.Tests;

/// <summary>A listener shaped like Envoy Gateway's: an HCM whose filter chain holds several typed HTTP filter configs.</summary>
internal static class SampleMessages
{
    public static Listener ListenerWithHttpFilters(bool reverseMapOrder = false)
    {
        var jwt = new JwtAuthentication();
        var providers = new List<(string Name, string Issuer)> { ("alpha", "https://a.example"), ("beta", "https://b.example"), ("gamma", "https://g.example") };
        if (reverseMapOrder)
        {
            providers.Reverse();
        }

        foreach (var (name, issuer) in providers)
        {
            jwt.Providers.Add(name, new JwtProvider
            {
                Issuer = issuer,
                RemoteJwks = new RemoteJwks
                {
                    HttpUri = new HttpUri { Uri = issuer + "/jwks", Cluster = name + "_443", Timeout = Duration.FromTimeSpan(System.TimeSpan.FromSeconds(10)) },
                    CacheDuration = new Duration { Seconds = 300 },
                },
            });
        }

        var hcm = new HttpConnectionManager
        {
            StatPrefix = "http-10080",
            Rds = new Rds { RouteConfigName = "default/eg/http", ConfigSource = new ConfigSource { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 } },
            UseRemoteAddress = true,
            NormalizePath = true,
        };
        hcm.HttpFilters.Add(Filter("envoy.filters.http.cors", new CorsFilter()));
        hcm.HttpFilters.Add(Filter("envoy.filters.http.jwt_authn", jwt));
        hcm.HttpFilters.Add(Filter("envoy.filters.http.compressor.gzip", new Compressor
        {
            CompressorLibrary = new TypedExtensionConfig { Name = "gzip", TypedConfig = Any.Pack(new GzipCompressor { MemoryLevel = 5 }) },
        }));
        hcm.HttpFilters.Add(Filter("envoy.filters.http.local_ratelimit", new LocalRateLimitFilter { StatPrefix = "http_local_rate_limiter" }));
        hcm.HttpFilters.Add(Filter("envoy.filters.http.router", new RouterFilter { SuppressEnvoyHeaders = true }));

        var listener = new Listener
        {
            Name = "default/eg/http",
            Address = new Address { SocketAddress = new SocketAddress { Address = "0.0.0.0", PortValue = 10080 } },
            PerConnectionBufferLimitBytes = 32768,
        };
        listener.DefaultFilterChain = new FilterChain
        {
            Name = "default/eg/http",
            Filters = { new global::Envoy.Config.Listener.V3.Filter { Name = "envoy.filters.network.http_connection_manager", TypedConfig = Any.Pack(hcm) } },
        };
        return listener;
    }

    public static JwtAuthentication JwtConfig(Listener listener) =>
        listener.DefaultFilterChain.Filters[0].TypedConfig.Unpack<HttpConnectionManager>()
            .HttpFilters.Single(f => f.Name == "envoy.filters.http.jwt_authn").TypedConfig.Unpack<JwtAuthentication>();

    private static HttpFilter Filter(string name, Google.Protobuf.IMessage config) =>
        new() { Name = name, TypedConfig = Any.Pack(config) };
}
