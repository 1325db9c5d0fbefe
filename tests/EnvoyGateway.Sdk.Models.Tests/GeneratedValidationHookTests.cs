using System;
using System.Linq;
using System.Reflection;
using EnvoyGateway.Sdk.GatewayApi.V1;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Validation;
using k8s.Models;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Models.Tests;

/// <summary>
/// The validation hooks the generator emits into EnvoyGateway.Sdk: every kind's schema is compiled in and registered,
/// kinds validate themselves, and every nested type validates against its own sub-schema.
/// </summary>
[TestFixture]
public sealed class GeneratedValidationHookTests
{
    private static readonly Assembly Sdk = typeof(ResourceValidator).Assembly;

    private static Type[] GeneratedKinds() => Sdk.GetTypes().Where(t => t.GetCustomAttribute<KubernetesEntityAttribute>() is not null).OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();

    [Test]
    public void The_registry_has_the_compiled_in_schema_of_every_generated_kind()
    {
        var kinds = GeneratedKinds();
        Assert.That(kinds.Select(k => k.Name), Is.SupersetOf(new[] { "BackendTrafficPolicy", "ClientTrafficPolicy", "SecurityPolicy", "Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute", "ReferenceGrant" }));
        foreach (var kind in kinds)
        {
            var entity = kind.GetCustomAttribute<KubernetesEntityAttribute>()!;
            string apiVersion = entity.Group + "/" + entity.ApiVersion;
            Assert.That(SchemaRegistry.TryGet(kind, out var byType), Is.True, $"{kind.Name}: no schema for the type");
            Assert.That(SchemaRegistry.TryGet(apiVersion, entity.Kind, out var byKind), Is.True, $"{kind.Name}: no schema for {apiVersion}");
            Assert.Multiple(() =>
            {
                Assert.That(byType!.ApiVersion, Is.EqualTo(apiVersion));
                Assert.That(byType.Kind, Is.EqualTo(entity.Kind));
                Assert.That(byKind, Is.SameAs(byType));
            });
        }
    }

    [TestCase("GatewayClass")]
    [TestCase("Gateway")]
    [TestCase("HTTPRoute")]
    [TestCase("ReferenceGrant")]
    public void The_v1beta1_aliases_validate_against_the_v1_schema(string kind)
    {
        Assert.That(SchemaRegistry.TryGet("gateway.networking.k8s.io/v1beta1", kind, out var schema), Is.True);
        Assert.That(schema!.ApiVersion, Is.EqualTo("gateway.networking.k8s.io/v1beta1"));

        var report = ResourceValidator.ValidateYaml($"apiVersion: gateway.networking.k8s.io/v1beta1\nkind: {kind}\nmetadata: {{name: x}}\nspec: {{bogus: 1}}\n").Single();

        Assert.That(report.Select(e => (e.Path, e.Rule)), Does.Contain(("spec.bogus", ValidationRules.UnknownField)), report.ToString());
    }

    [Test]
    public void Every_nested_generated_type_resolves_its_schema_pointer()
    {
        var nested = Sdk.GetTypes()
            .Where(t => t.IsPublic && t.Namespace is "EnvoyGateway.Sdk.Policies.V1Alpha1" or "EnvoyGateway.Sdk.GatewayApi.V1")
            .Where(t => t.GetCustomAttribute<KubernetesEntityAttribute>() is null && t.GetMethod("Validate", Type.EmptyTypes)?.ReturnType == typeof(ValidationReport))
            .ToList();
        Assert.That(nested, Has.Count.GreaterThan(100));
        foreach (var type in nested)
        {
            var instance = Activator.CreateInstance(type)!;
            Assert.That(() => type.GetMethod("Validate", Type.EmptyTypes)!.Invoke(instance, null), Throws.Nothing, type.Name);
        }
    }

    [Test]
    public void A_policy_built_fluently_validates_clean_until_broken_on_purpose()
    {
        BackendTrafficPolicy Build(Action<BackendTrafficPolicySpecBuilder> breakIt)
        {
            var spec = new BackendTrafficPolicySpecBuilder()
                .TargetHTTPRoute("backend")
                .CircuitBreaker(cb => cb.MaxConnections(100));
            breakIt(spec);
            return BackendTrafficPolicy.Build("cb", "apps").Spec(spec.Build()).Build();
        }

        var valid = Build(_ => { }).Validate();
        var broken = Build(spec => spec
            .CircuitBreaker(cb => cb.MaxConnections(-1))
            .AddCompression(c => c.Type(BackendTrafficPolicySpecCompressionItemType.Gzip))
            .AddCompressor(c => c.Type(BackendTrafficPolicySpecCompressorItemType.Gzip))).Validate();

        Assert.That(valid.IsValid, Is.True, valid.ToString());
        Assert.That(broken.Select(e => (e.Path, e.Rule)), Is.EquivalentTo(new[]
        {
            ("spec.circuitBreaker.maxConnections", ValidationRules.Minimum),
            ("spec", ValidationRules.Cel),
        }), broken.ToString());
        Assert.That(broken.Single(e => e.Rule == ValidationRules.Cel).Message, Is.EqualTo("compression and compressor cannot both be set; keep only compressor"));
    }

    [Test]
    public void A_nested_policy_object_validates_its_own_cel_rule_with_relative_paths()
    {
        var circuitBreaker = new BackendTrafficPolicySpecCircuitBreakerBuilder()
            .RetryBudget(rb => rb.Percent(p => p.Numerator(5).Denominator(2)))
            .Build();

        var fromCircuitBreaker = circuitBreaker.Validate().Single();
        var fromPercent = circuitBreaker.RetryBudget!.Percent.Validate().Single();

        Assert.Multiple(() =>
        {
            Assert.That((fromCircuitBreaker.Path, fromCircuitBreaker.Rule), Is.EqualTo(("retryBudget.percent", ValidationRules.Cel)));
            Assert.That((fromPercent.Path, fromPercent.Rule), Is.EqualTo((string.Empty, ValidationRules.Cel)));
            Assert.That(fromPercent.Message, Is.EqualTo("the numerator may not be larger than the denominator"));
        });
    }

    [Test]
    public void A_gateway_api_list_item_validates_its_own_constraints()
    {
        var listener = new GatewaySpecListenersItemBuilder().Name("http").Port(70000).Protocol("HTTP").Build();

        var report = listener.Validate();

        Assert.That(report.Select(e => (e.Path, e.Rule)), Does.Contain(("port", ValidationRules.Maximum)), report.ToString());
        Assert.That(report.All(e => !e.Path.StartsWith("spec", StringComparison.Ordinal)), Is.True);
    }
}
