using System;
using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Validation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Tests;

/// <summary>
/// The policy attachment shortcuts (<see cref="PolicyTargets"/>) write exactly what the long builder form writes.
/// </summary>
[TestFixture]
public sealed class PolicyTargetTests
{
    private const string Group = "gateway.networking.k8s.io";

    [TestCase("Gateway", null)]
    [TestCase("Gateway", "https")]
    [TestCase("ListenerSet", "extra")]
    [TestCase("HTTPRoute", null)]
    [TestCase("HTTPRoute", "rule-1")]
    [TestCase("GRPCRoute", null)]
    [TestCase("TCPRoute", "rule-1")]
    [TestCase("UDPRoute", null)]
    [TestCase("TLSRoute", null)]
    public void BackendTrafficPolicy_shortcut_writes_the_long_form(string kind, string? sectionName)
    {
        var shortcut = BackendTrafficPolicy.Build("p", "apps").Spec(spec => Shortcut(spec, kind, "target", sectionName).CircuitBreaker(c => c.MaxConnections(5))).Build();
        var longForm = BackendTrafficPolicy.Build("p", "apps")
            .Spec(spec => spec
                .AddTargetRef(t => WithSection(t.Group(Group).Kind(kind).Name("target"), sectionName, (b, s) => b.SectionName(s)))
                .CircuitBreaker(c => c.MaxConnections(5)))
            .Build();

        AssertSameDocuments(shortcut, longForm);
        Assert.That(shortcut.Validate().IsValid, Is.True, shortcut.Validate().ToString());
    }

    [TestCase("Gateway", null)]
    [TestCase("Gateway", "https")]
    [TestCase("HTTPRoute", null)]
    [TestCase("GRPCRoute", "rule-1")]
    [TestCase("TCPRoute", null)]
    public void SecurityPolicy_shortcut_writes_the_long_form(string kind, string? sectionName)
    {
        var shortcut = SecurityPolicy.Build("p", "apps").Spec(spec => Shortcut(spec, kind, "target", sectionName)).Build();
        var longForm = SecurityPolicy.Build("p", "apps")
            .Spec(spec => spec.AddTargetRef(t => WithSection(t.Group(Group).Kind(kind).Name("target"), sectionName, (b, s) => b.SectionName(s))))
            .Build();

        AssertSameDocuments(shortcut, longForm);
    }

    [TestCase("Gateway", null)]
    [TestCase("Gateway", "https-listener")]
    [TestCase("ListenerSet", null)]
    public void ClientTrafficPolicy_shortcut_writes_the_long_form(string kind, string? sectionName)
    {
        var shortcut = ClientTrafficPolicy.Build("p", "apps")
            .Spec(spec => (kind == "Gateway" ? spec.TargetGateway("edge", sectionName) : spec.TargetListenerSet("edge", sectionName)).Timeout(t => t.Http(h => h.IdleTimeout("30s"))))
            .Build();
        var longForm = ClientTrafficPolicy.Build("p", "apps")
            .Spec(spec => spec
                .AddTargetRef(t => WithSection(t.Group(Group).Kind(kind).Name("edge"), sectionName, (b, s) => b.SectionName(s)))
                .Timeout(t => t.Http(h => h.IdleTimeout("30s"))))
            .Build();

        AssertSameDocuments(shortcut, longForm);
        Assert.That(shortcut.Validate().IsValid, Is.True, shortcut.Validate().ToString());
    }

    [Test]
    public void Several_shortcuts_add_targets_in_call_order()
    {
        var spec = new BackendTrafficPolicySpecBuilder().TargetGateway("edge", sectionName: "https").TargetHTTPRoute("shop").TargetGRPCRoute("rpc").Build();

        Assert.That(
            spec.TargetRefs!.Select(t => (t.Group, t.Kind, t.Name, t.SectionName)),
            Is.EqualTo(new (string, string, string, string?)[] { (Group, "Gateway", "edge", "https"), (Group, "HTTPRoute", "shop", null), (Group, "GRPCRoute", "rpc", null) }));
    }

    [Test]
    public void TargetSelector_writes_the_long_form_from_pairs_or_a_dictionary()
    {
        var pairs = BackendTrafficPolicy.Build("p", "apps").Spec(spec => spec.TargetSelector("HTTPRoute", ("app", "shop"), ("tier", "web"))).Build();
        var dictionary = BackendTrafficPolicy.Build("p", "apps")
            .Spec(spec => spec.TargetSelector("HTTPRoute", new Dictionary<string, string> { ["app"] = "shop", ["tier"] = "web" }))
            .Build();
        var longForm = BackendTrafficPolicy.Build("p", "apps")
            .Spec(spec => spec.AddTargetSelector(s => s.Group(Group).Kind("HTTPRoute").MatchLabels("app", "shop").MatchLabels("tier", "web")))
            .Build();

        AssertSameDocuments(pairs, longForm);
        AssertSameDocuments(dictionary, longForm);
        Assert.That(pairs.Validate().IsValid, Is.True, pairs.Validate().ToString());
    }

    [Test]
    public void TargetSelector_is_available_on_every_policy()
    {
        var client = new ClientTrafficPolicySpecBuilder().TargetSelector("Gateway", ("edge", "true")).Build();
        var security = new SecurityPolicySpecBuilder().TargetSelector("HTTPRoute", ("app", "shop")).Build();

        Assert.Multiple(() =>
        {
            Assert.That((client.TargetSelectors!.Single().Group, client.TargetSelectors!.Single().Kind, client.TargetSelectors!.Single().MatchLabels!["edge"]), Is.EqualTo((Group, "Gateway", "true")));
            Assert.That((security.TargetSelectors!.Single().Group, security.TargetSelectors!.Single().Kind, security.TargetSelectors!.Single().MatchLabels!["app"]), Is.EqualTo((Group, "HTTPRoute", "shop")));
        });
    }

    [Test]
    public void Route_shortcuts_exist_only_for_policies_that_attach_to_routes()
    {
        static bool AttachesToRoutes(Type builder) =>
            builder.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRoutePolicyTargetBuilder<>));

        Assert.Multiple(() =>
        {
            Assert.That(AttachesToRoutes(typeof(BackendTrafficPolicySpecBuilder)), Is.True);
            Assert.That(AttachesToRoutes(typeof(SecurityPolicySpecBuilder)), Is.True);
            Assert.That(AttachesToRoutes(typeof(ClientTrafficPolicySpecBuilder)), Is.False, "ClientTrafficPolicy attaches to Gateways and ListenerSets");
            Assert.That(typeof(ClientTrafficPolicySpecBuilder).GetInterfaces(), Does.Contain(typeof(IPolicyTargetBuilder<ClientTrafficPolicySpecBuilder>)));
        });
    }

    [Test]
    public void A_route_kind_the_policy_does_not_accept_is_reported_by_validation()
    {
        ValidationReport report = SecurityPolicy.Build("p", "apps").Spec(spec => spec.TargetUDPRoute("dns")).Build().Validate();

        Assert.That(report.Select(e => (e.Path, e.Rule)), Does.Contain(("spec", ValidationRules.Cel)), report.ToString());
    }

    [Test]
    public void An_empty_target_name_is_rejected_naming_the_parameter()
    {
        var builder = new BackendTrafficPolicySpecBuilder();

        Assert.Multiple(() =>
        {
            Assert.That(() => builder.TargetGateway(string.Empty), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => builder.TargetSelector(string.Empty, ("a", "b")), Throws.ArgumentException.With.Property("ParamName").EqualTo("kind"));
        });
    }

    private static TBuilder Shortcut<TBuilder>(TBuilder spec, string kind, string name, string? sectionName)
        where TBuilder : IRoutePolicyTargetBuilder<TBuilder> => kind switch
        {
            "Gateway" => spec.TargetGateway(name, sectionName),
            "ListenerSet" => spec.TargetListenerSet(name, sectionName),
            "HTTPRoute" => spec.TargetHTTPRoute(name, sectionName),
            "GRPCRoute" => spec.TargetGRPCRoute(name, sectionName),
            "TCPRoute" => spec.TargetTCPRoute(name, sectionName),
            "UDPRoute" => spec.TargetUDPRoute(name, sectionName),
            "TLSRoute" => spec.TargetTLSRoute(name, sectionName),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a route or listener kind"),
        };

    private static TBuilder WithSection<TBuilder>(TBuilder builder, string? sectionName, Func<TBuilder, string, TBuilder> set) =>
        sectionName is null ? builder : set(builder, sectionName);

    private static void AssertSameDocuments(object shortcut, object longForm)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResourceSerializer.ToYaml([shortcut]), Is.EqualTo(ResourceSerializer.ToYaml([longForm])));
            Assert.That(ResourceSerializer.ToJson(shortcut, indented: false), Is.EqualTo(ResourceSerializer.ToJson(longForm, indented: false)));
        });
    }

}
