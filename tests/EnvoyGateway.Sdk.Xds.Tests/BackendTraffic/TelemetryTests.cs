using System.Linq;
using Envoy.Type.V3;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests.BackendTraffic;

/// <summary>BackendTrafficPolicy telemetry → Route.tracing and Route.stat_prefix.</summary>
public class TelemetryTests
{
    [Test]
    public void Tracing_sets_sampling_and_sorted_custom_tags_on_the_route()
    {
        var xds = BtpInputs.Translate("""
            telemetry:
              tracing:
                samplingFraction:
                  numerator: 50
                overallSamplingFraction:
                  numerator: 1
                  denominator: 10000
                tags:
                  team: payments
                customTags:
                  user:
                    type: RequestHeader
                    requestHeader:
                      name: x-user
                      defaultValue: none
                  pod:
                    type: Environment
                    environment:
                      name: POD_NAME
                  team:
                    type: Literal
                    literal:
                      value: overridden-by-tags
            """);
        var tracing = xds.Route().Tracing;
        Assert.That(tracing.ClientSampling, Is.EqualTo(new FractionalPercent()), "client sampling is 0% unless asked for");
        Assert.That(tracing.RandomSampling, Is.EqualTo(new FractionalPercent { Numerator = 50, Denominator = FractionalPercent.Types.DenominatorType.Hundred }));
        Assert.That(tracing.OverallSampling, Is.EqualTo(new FractionalPercent { Numerator = 1, Denominator = FractionalPercent.Types.DenominatorType.TenThousand }));
        Assert.That(tracing.CustomTags.Select(t => t.Tag), Is.EqualTo(new[] { "pod", "team", "user" }));
        Assert.That(tracing.CustomTags[0].Environment.Name, Is.EqualTo("POD_NAME"));
        Assert.That(tracing.CustomTags[1].Literal.Value, Is.EqualTo("payments"), "tags win over customTags of the same name");
        Assert.That(tracing.CustomTags[2].RequestHeader.Name, Is.EqualTo("x-user"));
        Assert.That(tracing.CustomTags[2].RequestHeader.DefaultValue, Is.EqualTo("none"));
        Assert.That(xds.Route().StatPrefix, Is.Empty);
        Assert.That(xds.Warnings, Has.None.Contains("Tracing").And.None.Contains("CustomTag"));
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void Other_denominators_become_millionths()
    {
        var tracing = BtpInputs.Translate("telemetry:\n  tracing:\n    clientSamplingFraction:\n      numerator: 1\n      denominator: 3").Route().Tracing;
        Assert.That(tracing.ClientSampling, Is.EqualTo(new FractionalPercent { Numerator = 333333, Denominator = FractionalPercent.Types.DenominatorType.Million }));
        Assert.That(tracing.RandomSampling, Is.Null);
    }

    [Test]
    public void Span_names_and_formatter_tags_are_reported_as_gaps_not_dropped_silently()
    {
        var xds = BtpInputs.Translate("telemetry:\n  tracing:\n    spanName:\n      client: '%REQ(:AUTHORITY)%'\n      server: egress\n    tags:\n      path: '%REQ(:PATH)%'");
        Assert.That(xds.Warnings, Has.One.Contains("envoy.config.route.v3.Tracing.operation").And.Contains("spanName.client"));
        Assert.That(xds.Warnings, Has.One.Contains("envoy.config.route.v3.Tracing.upstream_operation").And.Contains("spanName.server"));
        Assert.That(xds.Warnings, Has.One.Contains("envoy.type.tracing.v3.CustomTag.value").And.Contains("tags.path"));
        Assert.That(xds.Route().Tracing.CustomTags, Is.Empty);
    }

    [Test]
    public void Route_stat_name_substitutes_the_route_operators()
    {
        var xds = BtpInputs.Translate("telemetry:\n  metrics:\n    routeStatName: '%ROUTE_KIND%/%ROUTE_NAMESPACE%/%ROUTE_NAME%/rule/%ROUTE_RULE_NUMBER%/%BACKEND_REFS%'");
        var route = xds.Route();
        Assert.That(route.StatPrefix, Is.EqualTo("HTTPRoute/default/web/rule/0/default/app"));
        Assert.That(route.Tracing, Is.Null, "metrics alone do not trace");
        BackendInputs.AssertPgvValid(xds);
    }

    [Test]
    public void Without_telemetry_the_route_has_neither()
    {
        var route = BtpInputs.Translate("retry:\n  numRetries: 1").Route();
        Assert.That(route.Tracing, Is.Null);
        Assert.That(route.StatPrefix, Is.Empty);
    }
}
