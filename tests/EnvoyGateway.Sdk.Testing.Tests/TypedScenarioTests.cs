using System;
using EnvoyGateway.Sdk.GatewayApi.V1;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Testing.Tests;

/// <summary>A scenario built in code with the generated builders behaves like the same scenario in YAML.</summary>
public sealed class TypedScenarioTests
{
    private static readonly PolicyScenario Scenario = PolicyScenario.From(
        GatewayClass.Build("eg").Spec(s => s.ControllerName("gateway.envoyproxy.io/gatewayclass-controller")).Build(),
        Gateway.Build("edge", "infra").Spec(s => s.GatewayClassName("eg")
            .AddListener(l => l.Name("http").Protocol("HTTP").Port(80).AllowedRoutes(a => a.Namespaces(n => n.From("All"))))).Build(),
        HTTPRoute.Build("shop", "apps").Spec(s => s.AddParentRef(p => p.Namespace("infra").Name("edge"))
            .AddRule(r => r.AddBackendRef(b => b.Name("shop").Port(8080)))).Build(),
        BackendTrafficPolicy.Build("defaults", "infra").Spec(s => s
            .TargetGateway("edge")
            .Timeout(t => t.Http(h => h.RequestTimeout(TimeSpan.FromSeconds(10))))
            .Retry(r => r.NumRetries(2))).Build());

    [Test]
    public void A_gateway_policy_reaches_a_route_without_its_own()
    {
        Scenario.Route("apps", "shop").BackendTraffic.AppliesFrom("infra/defaults", AttachmentLevel.Gateway)
            .Field("spec.retry.numRetries").Is(2).From("infra/defaults");
    }

    [Test]
    public void Adding_a_merging_route_policy_keeps_the_gateway_fields_it_does_not_set()
    {
        var withRoutePolicy = Scenario.With(BackendTrafficPolicy.Build("shop", "apps").Spec(s => s
            .TargetHTTPRoute("shop")
            .MergeType("StrategicMerge")
            .Retry(r => r.NumRetries(5))).Build());

        var shop = withRoutePolicy.Route("apps", "shop").BackendTraffic;
        shop.Field("spec.retry.numRetries").Is(5).From("apps/shop", AttachmentLevel.Route);
        shop.Field("spec.timeout.http.requestTimeout").Is("10s").From("infra/defaults", AttachmentLevel.Gateway);
        withRoutePolicy.Policy("BackendTrafficPolicy", "infra", "defaults").IsMergedBy("apps/shop");
        Scenario.Policy("BackendTrafficPolicy", "infra", "defaults").IsAccepted();
    }
}
