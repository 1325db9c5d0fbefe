using System;
using System.Linq;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Validation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Validation.Tests;

/// <summary>
/// <see cref="ResourceValidator.ValidateNode"/>, the entry point of the generated nested types' <c>Validate()</c>:
/// the object is validated against the sub-schema a JSON Pointer selects, as an object (not a resource root).
/// </summary>
[TestFixture]
public sealed class NodeValidationTests
{
    private const string Schema = """
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":3}}},
            "a/b~c":{"type":"object","properties":{"n":{"type":"integer","minimum":1}}},
            "items":{"type":"array","items":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}},
              "x-kubernetes-validations":[{"rule":"self.id != 'x'","message":"id x is reserved"}]}},
            "clientSecret":{"type":"object","properties":{"value":{"type":"string","pattern":"^[a-z]+$"}}}
          }}}}
        """;

    /// <summary>A stand-in for a generated kind type: only its identity is used, as the registry key.</summary>
    private sealed class NodeTestKind;

    [OneTimeSetUp]
    public void Register() => SchemaRegistry.Register(typeof(NodeTestKind), "node.egsdk.io/v1", "NodeTest", Schema);

    private static ValidationReport Validate(string json, string pointer) => ResourceValidator.ValidateNode(JsonNode.Parse(json)!, typeof(NodeTestKind), pointer);

    [Test]
    public void A_property_named_metadata_inside_an_object_is_validated_like_any_other()
    {
        var report = Validate("""{"metadata":{"name":"toolong","extra":1}}""", "/properties/spec");

        Assert.That(report.Select(e => (e.Path, e.Rule)), Is.EquivalentTo(new[] { ("metadata.extra", ValidationRules.UnknownField), ("metadata.name", ValidationRules.MaxLength) }), report.ToString());
    }

    [Test]
    public void Escaped_pointer_tokens_and_list_items_resolve()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("""{"n":0}""", "/properties/spec/properties/a~1b~0c").Single().Path, Is.EqualTo("n"));
            var item = Validate("""{"id":"x"}""", "/properties/spec/properties/items/items").Single();
            Assert.That((item.Path, item.Rule, item.Message), Is.EqualTo((string.Empty, ValidationRules.Cel, "id x is reserved")));
        });
    }

    [Test]
    public void Values_below_a_secret_named_ancestor_stay_redacted()
    {
        var error = Validate("""{"value":"Hunter2"}""", "/properties/spec/properties/clientSecret").Single();

        Assert.That(error.Rule, Is.EqualTo(ValidationRules.Pattern));
        Assert.That(error.Value, Is.EqualTo("<redacted>"));
        Assert.That(error.ToString(), Does.Not.Contain("Hunter2"));
    }

    [Test]
    public void A_pointer_that_leads_nowhere_is_an_argument_error_naming_it()
    {
        Assert.That(() => Validate("{}", "/properties/spec/properties/nope"), Throws.ArgumentException.With.Message.Contains("/properties/spec/properties/nope"));
    }

    [Test]
    public void A_type_without_a_registered_schema_gives_an_empty_report()
    {
        Assert.That(ResourceValidator.ValidateNode(new JsonObject(), typeof(string), string.Empty).IsValid, Is.True);
    }

    [Test]
    public void Registering_an_alias_resolves_to_the_model_schema_under_the_alias_identity()
    {
        SchemaRegistry.RegisterAlias("node.egsdk.io/v1beta1", "NodeTest", typeof(NodeTestKind));

        Assert.That(SchemaRegistry.TryGet("node.egsdk.io/v1beta1", "NodeTest", out var schema), Is.True);
        Assert.That(schema!.ApiVersion, Is.EqualTo("node.egsdk.io/v1beta1"));
        Assert.That(SchemaRegistry.TryGet("node.egsdk.io/v1beta2", "NodeTest", out _), Is.False);
    }
}
