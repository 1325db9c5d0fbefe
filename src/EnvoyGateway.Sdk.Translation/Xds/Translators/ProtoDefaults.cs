using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>Small protos Envoy Gateway repeats everywhere: ADS config sources, SDS references, durations, buffer limits.</summary>
internal static class ProtoDefaults
{
    /// <summary>Per-connection buffer limit Envoy Gateway sets on every TCP listener and cluster.</summary>
    public const uint BufferLimitBytes = 32768;

    /// <summary><c>{ads: {}, resourceApiVersion: V3}</c> (EDS).</summary>
    public static ConfigSource Ads() => new() { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 };

    /// <summary><c>{ads: {}, initialFetchTimeout: 0s, resourceApiVersion: V3}</c> (RDS, SDS).</summary>
    public static ConfigSource AdsNoInitialWait() => new()
    {
        Ads = new AggregatedConfigSource(),
        InitialFetchTimeout = new Duration(),
        ResourceApiVersion = ApiVersion.V3,
    };

    public static SdsSecretConfig Sds(string secretName) => new() { Name = secretName, SdsConfig = AdsNoInitialWait() };

    public static Duration Seconds(long seconds) => new() { Seconds = seconds };

    /// <summary>A Go-style nanosecond count as a protobuf Duration.</summary>
    public static Duration Nanos(long nanoseconds) => new()
    {
        Seconds = nanoseconds / 1_000_000_000L,
        Nanos = (int)(nanoseconds % 1_000_000_000L),
    };
}
