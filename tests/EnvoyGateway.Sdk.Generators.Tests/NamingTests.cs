using EnvoyGateway.Sdk.Generators.Naming;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests;

/// <summary>Wire-name to identifier rules.</summary>
[TestFixture]
public sealed class NamingTests
{
    [TestCase("maxConnections", "MaxConnections")]
    [TestCase("x-custom-key", "XCustomKey")]
    [TestCase("HTTPRoute", "HTTPRoute")]
    [TestCase("tls-1.2", "Tls1_2")]
    [TestCase("1.2", "_1_2")]
    [TestCase("123abc", "_123abc")]
    [TestCase("a b", "AB")]
    [TestCase("*", "Fallback")]
    [TestCase("", "Fallback")]
    public void Pascal_is_mechanical(string wire, string expected)
    {
        Assert.That(Identifier.Pascal(wire, "Fallback"), Is.EqualTo(expected));
    }

    [TestCase("v1", "V1")]
    [TestCase("v1alpha1", "V1Alpha1")]
    [TestCase("v1beta1", "V1Beta1")]
    [TestCase("v2beta3", "V2Beta3")]
    public void Versions_are_pascal_cased_per_word(string version, string expected)
    {
        Assert.That(Identifier.Version(version), Is.EqualTo(expected));
    }

    [Test]
    public void Collisions_get_the_first_free_numeric_suffix_including_companion_names()
    {
        var scope = new NameScope();
        Assert.Multiple(() =>
        {
            Assert.That(scope.Claim("Foo", "Builder"), Is.EqualTo("Foo"));
            Assert.That(scope.Claim("Foo", "Builder"), Is.EqualTo("Foo2"));
            Assert.That(scope.Claim("FooBuilder", "Builder"), Is.EqualTo("FooBuilder2"));
        });
    }

    [TestCase("Contoso.Models", true)]
    [TestCase("Contoso._Internal.V1", true)]
    [TestCase("Contoso..Models", false)]
    [TestCase("1Contoso", false)]
    [TestCase("Contoso.class", false)]
    [TestCase("Contoso Models", false)]
    public void Namespaces_are_validated(string ns, bool valid)
    {
        Assert.That(Identifier.IsValidNamespace(ns), Is.EqualTo(valid));
    }
}
