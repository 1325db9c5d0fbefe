using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Http.AdmissionControl.V3;
using Envoy.Extensions.TransportSockets.ProxyProtocol.V3;
using HttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

public class ClusterSettingsTests
{
    private const string HpoKey = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    [Test]
    public void Keepalive_buffer_limit_and_preconnect_land_on_the_cluster()
    {
        var cluster = BtpInputs.Translate("""
            tcpKeepalive:
              probes: 3
              idleTime: 1m
              interval: 10s
            connection:
              bufferLimit: 100Ki
              preconnect:
                perEndpointPercent: 150
            """).Cluster();

        Assert.That(cluster.UpstreamConnectionOptions.TcpKeepalive.KeepaliveProbes, Is.EqualTo(3));
        Assert.That(cluster.UpstreamConnectionOptions.TcpKeepalive.KeepaliveTime, Is.EqualTo(60));
        Assert.That(cluster.UpstreamConnectionOptions.TcpKeepalive.KeepaliveInterval, Is.EqualTo(10));
        Assert.That(cluster.PerConnectionBufferLimitBytes, Is.EqualTo(102400));
        Assert.That(cluster.PreconnectPolicy.PerUpstreamPreconnectRatio, Is.EqualTo(1.5).Within(1e-9));
        Assert.That(cluster.PreconnectPolicy.PredictivePreconnectRatio, Is.Null);
    }

    [Test]
    public void Default_cluster_keeps_the_32KiB_buffer_and_no_transport_socket()
    {
        var cluster = BtpInputs.Translate("retry: {}").Cluster();
        Assert.That(cluster.PerConnectionBufferLimitBytes, Is.EqualTo(32768));
        Assert.That(cluster.TransportSocket, Is.Null);
        Assert.That(cluster.UpstreamConnectionOptions, Is.Null);
    }

    [Test]
    public void Proxy_protocol_v2_wraps_a_raw_buffer_socket()
    {
        var socket = BtpInputs.Translate("proxyProtocol:\n  version: V2").Cluster().TransportSocket;
        Assert.That(socket.Name, Is.EqualTo("envoy.transport_sockets.upstream_proxy_protocol"));
        var upstream = socket.TypedConfig.Unpack<ProxyProtocolUpstreamTransport>();
        Assert.That(upstream.Config.Version, Is.EqualTo(ProxyProtocolConfig.Types.Version.V2));
        Assert.That(upstream.TransportSocket.Name, Is.EqualTo("envoy.transport_sockets.raw_buffer"));
    }

    [Test]
    public void Use_client_protocol_selects_the_downstream_protocol()
    {
        var options = BtpInputs.Translate("useClientProtocol: true").Cluster().TypedExtensionProtocolOptions[HpoKey].Unpack<HttpProtocolOptions>();
        Assert.That(options.UseDownstreamProtocolConfig.HttpProtocolOptions, Is.Not.Null);
        Assert.That(options.UseDownstreamProtocolConfig.Http2ProtocolOptions.InitialStreamWindowSize, Is.EqualTo(65536));
    }

    [Test]
    public void Http2_settings_change_an_h2c_backend_and_leave_an_http1_backend_alone()
    {
        const string Spec = "http2:\n  initialStreamWindowSize: 128Ki\n  maxConcurrentStreams: 50\n  onInvalidMessage: TerminateStream";
        var http2 = BtpInputs.Translate(Spec, "kubernetes.io/h2c").Cluster().TypedExtensionProtocolOptions[HpoKey].Unpack<HttpProtocolOptions>()
            .ExplicitHttpConfig.Http2ProtocolOptions;
        Assert.That(http2.InitialStreamWindowSize, Is.EqualTo(131072));
        Assert.That(http2.InitialConnectionWindowSize, Is.EqualTo(1048576), "the default connection window stays");
        Assert.That(http2.MaxConcurrentStreams, Is.EqualTo(50));
        Assert.That(http2.OverrideStreamErrorOnInvalidHttpMessage, Is.True);

        Assert.That(BtpInputs.Translate(Spec).Cluster().TypedExtensionProtocolOptions, Is.Empty);
    }

    [Test]
    public void Admission_control_adds_the_upstream_filter_and_codec()
    {
        var options = BtpInputs.Translate("""
            admissionControl:
              samplingWindow: 30s
              minSuccessRate: 95
              successCriteria:
                http:
                  statusCodes: [200]
                grpc:
                  statusCodes: [Ok, NotFound]
            """).Cluster().TypedExtensionProtocolOptions[HpoKey].Unpack<HttpProtocolOptions>();

        Assert.That(options.HttpFilters.Select(f => f.Name), Is.EqualTo(new[] { "envoy.filters.http.admission_control", "envoy.extensions.filters.http.upstream_codec.v3.UpstreamCodec" }));
        var filter = options.HttpFilters[0].TypedConfig.Unpack<AdmissionControl>();
        Assert.That(filter.Enabled.DefaultValue, Is.True);
        Assert.That(filter.SamplingWindow.Seconds, Is.EqualTo(30));
        Assert.That(filter.SrThreshold.DefaultValue.Value, Is.EqualTo(95));
        Assert.That(filter.SuccessCriteria.HttpCriteria.HttpSuccessStatus.Single().Start, Is.EqualTo(200));
        Assert.That(filter.SuccessCriteria.GrpcCriteria.GrpcSuccessStatus, Is.EqualTo(new uint[] { 0, 5 }));
    }
}
