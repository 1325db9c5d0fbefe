using System;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Generators.Tests.Plurals.V1;
using EnvoyGateway.Sdk.Runtime;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests;

/// <summary>
/// List adders of the code generated into this project from <c>TestData/catalogs.yaml</c>, a user CRD: the one-item
/// adder has the singular name, lists of values also get a params adder with the plural name, and a singular name
/// another member already uses falls back to the plural.
/// </summary>
[TestFixture]
public sealed class ListAdderTests
{
    [Test]
    public void Singular_adders_add_one_item_and_params_adders_add_several_in_order()
    {
        CatalogSpec spec = new CatalogSpecBuilder()
            .TargetRef(t => t.Name("legacy"))
            .AddTargetRef(t => t.Kind("Gateway").Name("edge"))
            .AddTargetRef(new CatalogSpecTargetRefsItem { Name = "second" })
            .AddAllowOrigin("https://a.example")
            .AddAllowOrigins("https://b.example", "https://c.example")
            .AddAddress("10.0.0.1")
            .AddPolicy(p => p.Name("p1"))
            .AddMatch(CatalogSpecMatchesItem.Exact)
            .AddMatches("Prefix", "Regex")
            .AddPrefix("/api")
            .AddExpectedStatus(200)
            .AddExpectedStatuses(204, 304)
            .AddIP("::1")
            .AddHTTPS("on")
            .AddData("one")
            .AddData("two", "three")
            .AddTimeout("1s")
            .AddTimeouts(TimeSpan.FromSeconds(2), "3s")
            .AddGroup(["a", "b"])
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(spec.TargetRef!.Name, Is.EqualTo("legacy"), "the single targetRef beside targetRefs keeps its setter");
            Assert.That(spec.TargetRefs!.Select(t => t.Name), Is.EqualTo(new[] { "edge", "second" }));
            Assert.That(spec.AllowOrigins, Is.EqualTo(new[] { "https://a.example", "https://b.example", "https://c.example" }));
            Assert.That(spec.Addresses, Is.EqualTo(new[] { "10.0.0.1" }));
            Assert.That(spec.Policies!.Single().Name, Is.EqualTo("p1"));
            Assert.That(spec.Matches!.Select(m => (m.Value, m.IsKnown)), Is.EqualTo(new[] { ("Exact", true), ("Prefix", true), ("Regex", false) }));
            Assert.That(spec.Prefixes, Is.EqualTo(new[] { "/api" }));
            Assert.That(spec.ExpectedStatuses, Is.EqualTo(new[] { 200, 204, 304 }));
            Assert.That(spec.IPs, Is.EqualTo(new[] { "::1" }));
            Assert.That(spec.HTTPS, Is.EqualTo(new[] { "on" }));
            Assert.That(spec.Data, Is.EqualTo(new[] { "one", "two", "three" }));
            Assert.That(spec.Timeouts!.Select(t => t.Value), Is.EqualTo(new[] { "1s", "2s", "3s" }));
            Assert.That(spec.Groups!.Single(), Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [Test]
    public void A_taken_singular_falls_back_to_the_plural_name()
    {
        CatalogSpec spec = new CatalogSpecBuilder()
            .AddRules(r => r.Name("first"))
            .AddRule("belongs-to-rule")
            .AddRule("and-more", "values")
            .AddEntries("e1")
            .AddEntries("e2", "e3")
            .AddEntry("a plain string property")
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(spec.Rules!.Single().Name, Is.EqualTo("first"));
            Assert.That(spec.Rule, Is.EqualTo(new[] { "belongs-to-rule", "and-more", "values" }));
            Assert.That(spec.Entries, Is.EqualTo(new[] { "e1", "e2", "e3" }));
            Assert.That(spec.AddEntry, Is.EqualTo("a plain string property"));
        });
    }

    [Test]
    public void Adders_are_marked_with_the_property_they_add_to()
    {
        var marked = typeof(CatalogSpecBuilder).GetMethods()
            .Select(m => (m.Name, Property: m.GetCustomAttribute<ListItemAdderAttribute>()?.PropertyName))
            .Where(m => m.Property is not null)
            .Distinct()
            .ToDictionary(m => m.Property!, m => m.Name);

        Assert.Multiple(() =>
        {
            Assert.That(marked["TargetRefs"], Is.EqualTo("AddTargetRef"));
            Assert.That(marked["Policies"], Is.EqualTo("AddPolicy"));
            Assert.That(marked["Rules"], Is.EqualTo("AddRules"));
            Assert.That(marked["Rule"], Is.EqualTo("AddRule"));
            Assert.That(marked["Entries"], Is.EqualTo("AddEntries"));
            Assert.That(marked, Has.Count.EqualTo(typeof(CatalogSpec).GetProperties().Count(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(System.Collections.Generic.IList<>))));
        });
    }

    [Test]
    public void Only_lists_of_values_get_a_params_adder()
    {
        static bool HasParamsAdder(string name) => typeof(CatalogSpecBuilder).GetMethods()
            .Any(m => m.Name == name && m.GetParameters() is [{ } only] && only.GetCustomAttribute<ParamArrayAttribute>() is not null);

        Assert.Multiple(() =>
        {
            Assert.That(HasParamsAdder("AddAllowOrigins"), Is.True);
            Assert.That(HasParamsAdder("AddMatches"), Is.True);
            Assert.That(HasParamsAdder("AddTargetRefs"), Is.False, "object items are built one by one");
            Assert.That(HasParamsAdder("AddGroups"), Is.False, "a list of lists");
            Assert.That(typeof(CatalogSpecBuilder).GetMethod("AddTargetRefs"), Is.Null, "no plural adder for object lists");
        });
    }

    [Test]
    public void Added_items_serialize_under_the_wire_names()
    {
        var spec = new CatalogSpecBuilder().AddTargetRef(t => t.Name("edge")).AddAllowOrigins("a", "b").AddIP("::1").Build();
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(spec, ResourceSerializer.JsonOptions))!;
        Assert.That(JsonNode.DeepEquals(json, JsonNode.Parse("""{"targetRefs":[{"name":"edge"}],"allowOrigins":["a","b"],"IPs":["::1"]}""")), Is.True, json.ToJsonString());
    }
}
