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

    [TestCase("TargetRefs", "TargetRef")]
    [TestCase("AllowOrigins", "AllowOrigin")]
    [TestCase("Rules", "Rule")]
    [TestCase("Policies", "Policy")]
    [TestCase("Entries", "Entry")]
    [TestCase("Addresses", "Address")]
    [TestCase("Classes", "Class")]
    [TestCase("Prefixes", "Prefix")]
    [TestCase("Matches", "Match")]
    [TestCase("CertificateHashes", "CertificateHash")]
    [TestCase("Buzzes", "Buzz")]
    [TestCase("Responses", "Response")]
    [TestCase("Audiences", "Audience")]
    [TestCase("Keys", "Key")]
    [TestCase("ClientCIDRs", "ClientCIDR")]
    [TestCase("IPs", "IP")]
    [TestCase("Uris", "Uri")]
    [TestCase("ExpectedStatuses", "ExpectedStatus")]
    [TestCase("statuses", "status")]
    [TestCase("Cookies", "Cookie")]
    [TestCase("ResponseCaches", "ResponseCache")]
    [TestCase("Indices", "Index")]
    [TestCase("TimeSeries", "TimeSeries")]
    [TestCase("Analysis", "Analysis")]
    [TestCase("Address", "Address")]
    [TestCase("Status", "Status")]
    [TestCase("HTTPS", "HTTPS")]
    [TestCase("Data", "Data")]
    [TestCase("CertDetailsToAdd", "CertDetailsToAdd")]
    [TestCase("Items2", "Items2")]
    [TestCase("s", "s")]
    [TestCase("", "")]
    public void Singular_changes_only_a_plural_last_word(string plural, string expected)
    {
        Assert.That(Singular.Of(plural), Is.EqualTo(expected));
    }

    [Test]
    public void Singular_is_culture_independent()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("tr-TR");
            Assert.That(new[] { Singular.Of("Indices"), Singular.Of("IPs"), Singular.Of("Policies") }, Is.EqualTo(new[] { "Index", "IP", "Policy" }));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void TryClaim_takes_only_a_free_name_and_never_renames()
    {
        var scope = new NameScope("Build");
        scope.Claim("Rule", companionPrefix: "Add");
        Assert.Multiple(() =>
        {
            Assert.That(scope.TryClaim("AddRule"), Is.False, "the companion of Rule");
            Assert.That(scope.TryClaim("Build"), Is.False, "reserved");
            Assert.That(scope.TryClaim("AddPolicy"), Is.True);
            Assert.That(scope.TryClaim("AddPolicy"), Is.False, "claimed once");
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
