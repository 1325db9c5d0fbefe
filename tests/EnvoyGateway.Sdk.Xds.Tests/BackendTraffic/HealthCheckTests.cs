using System.Linq;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

public class HealthCheckTests
{
    [Test]
    public void Active_http_check_gets_crd_defaults_and_the_route_hostname()
    {
        var cluster = BtpInputs.Translate("healthCheck:\n  active:\n    type: HTTP\n    http:\n      path: /healthz").Cluster();

        var check = cluster.HealthChecks.Single();
        Assert.That(check.Timeout.Seconds, Is.EqualTo(1));
        Assert.That(check.Interval.Seconds, Is.EqualTo(3));
        Assert.That(check.UnhealthyThreshold, Is.EqualTo(3));
        Assert.That(check.HealthyThreshold, Is.EqualTo(1));
        Assert.That(check.HttpHealthCheck.Host, Is.EqualTo("www.example.com"));
        Assert.That(check.HttpHealthCheck.Path, Is.EqualTo("/healthz"));
        Assert.That(check.HttpHealthCheck.ExpectedStatuses.Single().Start, Is.EqualTo(200));
        Assert.That(check.HttpHealthCheck.ExpectedStatuses.Single().End, Is.EqualTo(201));
        Assert.That(cluster.OutlierDetection, Is.Null);
    }

    [Test]
    public void Contiguous_expected_statuses_merge_into_one_range()
    {
        var statuses = BtpInputs.Translate("healthCheck:\n  active:\n    type: HTTP\n    http:\n      path: /\n      expectedStatuses: [200, 201, 204]")
            .Cluster().HealthChecks.Single().HttpHealthCheck.ExpectedStatuses;
        Assert.That(statuses.Select(s => (s.Start, s.End)), Is.EqualTo(new[] { (200L, 202L), (204L, 205L) }));
    }

    [Test]
    public void Tcp_check_sends_hex_encoded_text_and_grpc_check_names_its_service()
    {
        var tcp = BtpInputs.Translate("""
            healthCheck:
              active:
                type: TCP
                tcp:
                  send:
                    type: Text
                    text: ping
                  receive:
                    type: Text
                    text: pong
            """).Cluster().HealthChecks.Single().TcpHealthCheck;
        Assert.That(tcp.Send.Text, Is.EqualTo("70696E67"));
        Assert.That(tcp.Receive.Single().Text, Is.EqualTo("706F6E67"));

        var grpc = BtpInputs.Translate("healthCheck:\n  active:\n    type: GRPC\n    grpc:\n      service: health").Cluster().HealthChecks.Single().GrpcHealthCheck;
        Assert.That(grpc.ServiceName, Is.EqualTo("health"));
    }

    [Test]
    public void Passive_check_gets_crd_defaults_and_panic_threshold_is_set_unless_fifty()
    {
        var cluster = BtpInputs.Translate("healthCheck:\n  panicThreshold: 20\n  passive: {}").Cluster();

        var outlier = cluster.OutlierDetection;
        Assert.That(outlier.Interval.Seconds, Is.EqualTo(3));
        Assert.That(outlier.BaseEjectionTime.Seconds, Is.EqualTo(30));
        Assert.That(outlier.MaxEjectionPercent, Is.EqualTo(10));
        Assert.That(outlier.Consecutive5Xx, Is.EqualTo(5));
        Assert.That(outlier.ConsecutiveLocalOriginFailure, Is.EqualTo(5));
        Assert.That(outlier.SplitExternalLocalOriginErrors, Is.False);
        Assert.That(outlier.ConsecutiveGatewayFailure, Is.Null);
        Assert.That(outlier.EnforcingFailurePercentage, Is.Null);
        Assert.That(cluster.CommonLbConfig.HealthyPanicThreshold.Value, Is.EqualTo(20));
        Assert.That(BtpInputs.Translate("healthCheck:\n  panicThreshold: 50\n  passive: {}").Cluster().CommonLbConfig.HealthyPanicThreshold, Is.Null);
    }
}
