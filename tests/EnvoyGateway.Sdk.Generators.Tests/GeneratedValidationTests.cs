using System.Linq;
using EnvoyGateway.Sdk.Generators.Tests.Generated.V1;
using EnvoyGateway.Sdk.Validation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests;

/// <summary>
/// The validation hooks generated into this test project from <c>TestData/widgets.yaml</c> (a user's own CRD): the
/// module initializer registers the schema, <c>Widget.Validate()</c> checks the whole resource and every nested type's
/// <c>Validate()</c> checks that object alone, with paths relative to it.
/// </summary>
[TestFixture]
public sealed class GeneratedValidationTests
{
    private static WidgetBuilder ValidWidget() => Widget.Build("demo", "apps")
        .Spec(spec => spec
            .Name("demo")
            .Mode(WidgetSpecMode.Fast)
            .MinReplicas(1)
            .MaxReplicas(3)
            .AddBackend(b => b.Host("a.example").Port(80).Protocol(WidgetSpecBackendsItemProtocol.HTTP))
            .AddTag("blue"));

    [Test]
    public void The_module_initializer_registers_the_schema_of_every_generated_version()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SchemaRegistry.TryGet(typeof(Widget), out var v1), Is.True);
            Assert.That(v1!.ApiVersion, Is.EqualTo("example.egsdk.io/v1"));
            Assert.That(v1.Kind, Is.EqualTo("Widget"));
            Assert.That(SchemaRegistry.TryGet("example.egsdk.io/v1alpha1", "Widget", out var v1alpha1), Is.True);
            Assert.That(SchemaRegistry.TryGet(typeof(Generated.V1Alpha1.Widget), out var byType), Is.True);
            Assert.That(byType, Is.SameAs(v1alpha1));
        });
    }

    [Test]
    public void A_valid_widget_built_fluently_validates_clean()
    {
        ValidationReport report = ValidWidget().Build().Validate();
        Assert.That(report.IsValid, Is.True, report.ToString());
    }

    [Test]
    public void A_widget_broken_on_purpose_reports_the_exact_paths_and_rules()
    {
        Widget widget = ValidWidget()
            .Spec(spec => spec
                .Name("Not_A_Label")
                .Mode(WidgetSpecMode.Fast)
                .MinReplicas(5)
                .MaxReplicas(3)
                .AddTag("a-tag-that-is-far-too-long"))
            .Build();

        ValidationReport report = widget.Validate();

        Assert.That(report.Select(e => (e.Path, e.Rule)), Is.EquivalentTo(new[]
        {
            ("spec.name", ValidationRules.Pattern),
            ("spec.tags[0]", ValidationRules.MaxLength),
        }), report.ToString());
        Assert.That(report.Subject, Is.EqualTo("Widget apps/demo"));
    }

    [Test]
    public void The_cel_rule_reports_its_field_path_and_message_once_nothing_blocks_it()
    {
        Widget widget = ValidWidget().Spec(spec => spec.Name("demo").Mode("Fast").MinReplicas(5).MaxReplicas(3)).Build();

        ValidationError error = widget.Validate().Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Path, Is.EqualTo("spec.minReplicas"));
            Assert.That(error.Rule, Is.EqualTo(ValidationRules.Cel));
            Assert.That(error.Message, Is.EqualTo("minReplicas must not exceed maxReplicas"));
        });
    }

    [Test]
    public void A_nested_type_validates_on_its_own_with_paths_relative_to_it()
    {
        WidgetSpec spec = new WidgetSpecBuilder().Name("demo").Mode(WidgetSpecMode.Slow).MinReplicas(500).MaxReplicas(300).Build();

        ValidationReport report = spec.Validate();

        Assert.That(report.Select(e => (e.Path, e.Rule)), Is.EquivalentTo(new[] { ("maxReplicas", ValidationRules.Maximum), ("minReplicas", ValidationRules.Cel) }), report.ToString());
        Assert.That(report.Subject, Does.Contain("WidgetSpec"));
    }

    [Test]
    public void A_list_item_type_validates_its_own_required_fields_and_enums()
    {
        WidgetSpecBackendsItem item = new WidgetSpecBackendsItemBuilder().Port(80).Protocol("QUIC").Build();

        ValidationReport report = item.Validate();

        Assert.That(report.Select(e => (e.Path, e.Rule)), Is.EquivalentTo(new[] { ("host", ValidationRules.Required), ("protocol", ValidationRules.Enum) }), report.ToString());
    }

    [Test]
    public void A_map_value_type_validates_against_the_additional_properties_schema()
    {
        var listener = new WidgetSpecListenersValue { Port = 80 };
        listener.AdditionalProperties = new System.Collections.Generic.Dictionary<string, System.Text.Json.JsonElement>
        {
            ["extra"] = System.Text.Json.JsonDocument.Parse("1").RootElement,
        };

        ValidationError error = listener.Validate().Single();

        Assert.That((error.Path, error.Rule), Is.EqualTo(("extra", ValidationRules.UnknownField)));
    }

    [Test]
    public void Validating_a_nested_object_reports_what_the_whole_resource_reports_below_it()
    {
        Widget widget = ValidWidget().Spec(spec => spec.Name("Bad Name").Mode("Fast").AddBackend(b => b.Port(1))).Build();

        var whole = widget.Validate().Where(e => e.Path.StartsWith("spec.", System.StringComparison.Ordinal)).Select(e => (e.Path["spec.".Length..], e.Rule));
        var nested = widget.Spec.Validate().Select(e => (e.Path, e.Rule));

        Assert.That(nested, Is.EquivalentTo(whole));
        Assert.That(nested, Is.Not.Empty);
    }
}
