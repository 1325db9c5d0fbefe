using System;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Generators.Tests.Generated.V1;
using EnvoyGateway.Sdk.Runtime;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests;

/// <summary>
/// Behaviour of the code generated into this test project from <c>TestData/widgets.yaml</c> (AdditionalFiles with
/// <c>EgsdkNamespace</c>): builders, enums, serialization attributes and kind registration.
/// </summary>
[TestFixture]
public sealed class GeneratedCodeTests
{
    [Test]
    public void The_kind_builder_sets_metadata_spec_and_nested_objects()
    {
        Widget widget = Widget.Build("demo", "apps")
            .Labels("team", "edge")
            .Annotations("note", "x")
            .Spec(spec => spec
                .Name("demo")
                .Mode(WidgetSpecMode.Fast)
                .MinReplicas(1)
                .Timeout(TimeSpan.FromMilliseconds(1500))
                .Port(8080)
                .BufferLimit("1Mi")
                .Labels("tier", "front")
                .AddBackend(b => b.Host("a.example").Port(80).Protocol("GRPC"))
                .AddBackend(new WidgetSpecBackendsItem { Host = "b.example" })
                .AddTag("blue")
                .Listeners("http", l => l.Port(80))
                .AddPhase("Pending"))
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(widget.ApiVersion, Is.EqualTo("example.egsdk.io/v1"));
            Assert.That(widget.Kind, Is.EqualTo("Widget"));
            Assert.That(widget.Metadata.Name, Is.EqualTo("demo"));
            Assert.That(widget.Metadata.NamespaceProperty, Is.EqualTo("apps"));
            Assert.That(widget.Metadata.Labels["team"], Is.EqualTo("edge"));
            Assert.That(widget.Metadata.Annotations["note"], Is.EqualTo("x"));
            Assert.That(widget.Spec.Mode, Is.EqualTo(WidgetSpecMode.Fast));
            Assert.That(widget.Spec.Timeout!.Value, Is.EqualTo("1s500ms"));
            Assert.That(widget.Spec.Port!.IntValue, Is.EqualTo(8080));
            Assert.That(widget.Spec.BufferLimit!.Value, Is.EqualTo("1Mi"));
            Assert.That(widget.Spec.Backends!.Select(b => b.Host), Is.EqualTo(new[] { "a.example", "b.example" }));
            Assert.That(widget.Spec.Backends![0].Protocol, Is.EqualTo(WidgetSpecBackendsItemProtocol.GRPC));
            Assert.That(widget.Spec.Listeners!["http"].Port, Is.EqualTo(80));
            Assert.That(widget.Spec.Phases!.Single(), Is.EqualTo(WidgetSpecPhasesItem.Pending));
            Assert.That(widget.Status, Is.Null);
        });
    }

    [Test]
    public void A_builder_can_be_reused_without_changing_earlier_results()
    {
        var builder = new WidgetSpecBuilder().Name("one").AddTag("a").Labels("k", "v");
        WidgetSpec first = builder.Build();
        builder.Name("two").AddTag("b").Labels("k", "changed");
        WidgetSpec second = builder.Build();

        Assert.Multiple(() =>
        {
            Assert.That(first.Name, Is.EqualTo("one"));
            Assert.That(first.Tags, Is.EqualTo(new[] { "a" }));
            Assert.That(first.Labels!["k"], Is.EqualTo("v"));
            Assert.That(second.Name, Is.EqualTo("two"));
            Assert.That(second.Tags, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(second.Labels!["k"], Is.EqualTo("changed"));
        });
    }

    [Test]
    public void Metadata_labels_added_after_build_do_not_leak_into_built_resources()
    {
        var builder = Widget.Build("demo").Labels("a", "1");
        Widget first = builder.Build();
        builder.Labels("b", "2");
        Assert.That(first.Metadata.Labels.Keys, Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void Unset_optional_fields_stay_null_and_are_not_written()
    {
        WidgetSpec spec = new WidgetSpecBuilder().Name("n").Mode("Slow").Build();
        string json = JsonSerializer.Serialize(spec, ResourceSerializer.JsonOptions);
        using var document = JsonDocument.Parse(json);
        Assert.Multiple(() =>
        {
            Assert.That(spec.Tags, Is.Null);
            Assert.That(spec.Backends, Is.Null);
            Assert.That(document.RootElement.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "name", "mode" }));
        });
    }

    [Test]
    public void Enums_keep_unknown_values_and_compare_by_value()
    {
        WidgetSpecMode unknown = "Turbo";
        Assert.Multiple(() =>
        {
            Assert.That(unknown.IsKnown, Is.False);
            Assert.That(unknown.Value, Is.EqualTo("Turbo"));
            Assert.That(WidgetSpecMode.Tls1_2.Value, Is.EqualTo("tls-1.2"));
            Assert.That(WidgetSpecMode.Tls1_2.IsKnown, Is.True);
            Assert.That(new WidgetSpecMode("Fast") == WidgetSpecMode.Fast, Is.True);
        });
    }

    [Test]
    public void Yaml_round_trip_keeps_unknown_fields_and_wire_names()
    {
        const string yaml = """
            apiVersion: example.egsdk.io/v1
            kind: Widget
            metadata:
              name: demo
            spec:
              name: demo
              mode: Turbo
              bufferLimit: 512Ki
              port: web
              futureField:
                nested: [1, 2]
              backends:
              - host: a
                extra: true
              config:
                anything: {goes: here}
            """;

        var loaded = ResourceSerializer.LoadYaml(yaml, "widget.yaml").Single();
        var widget = (Widget)loaded.Resource;
        string written = ResourceSerializer.ToYaml([widget]);
        var reloaded = (Widget)ResourceSerializer.LoadYaml(written).Single().Resource;

        Assert.Multiple(() =>
        {
            Assert.That(widget.Spec.Mode.IsKnown, Is.False);
            Assert.That(widget.Spec.Port!.StringValue, Is.EqualTo("web"));
            Assert.That(widget.Spec.AdditionalProperties!.ContainsKey("futureField"), Is.True);
            Assert.That(widget.Spec.Backends![0].AdditionalProperties!["extra"].GetBoolean(), Is.True);
            Assert.That(widget.Spec.Config, Is.Not.Null);
            Assert.That(JsonSerializer.Serialize(reloaded, ResourceSerializer.JsonOptions), Is.EqualTo(JsonSerializer.Serialize(widget, ResourceSerializer.JsonOptions)));
            Assert.That(written, Does.Contain("futureField"));
        });
    }

    [Test]
    public void The_module_initializer_registers_every_generated_kind()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResourceKinds.TryGetType("example.egsdk.io/v1", "Widget", out var v1), Is.True);
            Assert.That(v1, Is.EqualTo(typeof(Widget)));
            Assert.That(ResourceKinds.TryGetType("example.egsdk.io/v1alpha1", "Widget", out var alpha), Is.True);
            Assert.That(alpha, Is.EqualTo(typeof(Generated.V1Alpha1.Widget)));
        });
    }
}
