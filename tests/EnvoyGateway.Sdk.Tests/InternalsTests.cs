using System.Globalization;
using System.Threading;
using EnvoyGateway.Sdk.Runtime;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Tests;

public class InternalsTests
{
    [TestCase("", "spec", "spec")]
    [TestCase("spec", "rules", "spec.rules")]
    [TestCase("metadata.labels", "app.kubernetes.io/name", "metadata.labels[\"app.kubernetes.io/name\"]")]
    [TestCase("a", "say \"hi\"", "a[\"say \\\"hi\\\"\"]")]
    [TestCase("a", "x-custom-key", "a.x-custom-key")]
    [TestCase("a", "1st", "a[\"1st\"]")]
    public void Paths_quote_names_that_are_not_identifiers(string parent, string name, string expected)
    {
        var path = JsonPath.Property(parent, name);
        Assert.Multiple(() =>
        {
            Assert.That(path, Is.EqualTo(expected));
            Assert.That(JsonPath.Join(JsonPath.Split(path)), Is.EqualTo(path), "split and join are inverse");
        });
    }

    [TestCase("$.spec.rules[0].matches", "spec.rules[0].matches")]
    [TestCase("$.metadata.labels['app.kubernetes.io/name']", "metadata.labels[\"app.kubernetes.io/name\"]")]
    [TestCase("$", "")]
    [TestCase("$[3]", "[3]")]
    [TestCase("spec", null)]
    [TestCase("$.a[x]", null)]
    public void System_Text_Json_paths_convert(string stj, string? expected)
    {
        Assert.That(JsonPath.FromSystemTextJson(stj), Is.EqualTo(expected));
    }

    [Test]
    public void Parent_walks_up_one_step()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JsonPath.Parent("spec.rules[0].matches"), Is.EqualTo("spec.rules[0]"));
            Assert.That(JsonPath.Parent("spec.rules[0]"), Is.EqualTo("spec.rules"));
            Assert.That(JsonPath.Parent("spec"), Is.EqualTo(string.Empty));
            Assert.That(JsonPath.Parent(string.Empty), Is.Null);
        });
    }

    [TestCase("", true)]
    [TestCase("yes", true)]
    [TestCase("Off", true)]
    [TestCase("~", true)]
    [TestCase("1.10", true)]
    [TestCase("1_000", true)]
    [TestCase("0x1F", true)]
    [TestCase("1:30", true)]
    [TestCase(".inf", true)]
    [TestCase("-1", true)]
    [TestCase("2024-01-01", true)]
    [TestCase(" x", true)]
    [TestCase("<<", true)]
    [TestCase("10s", false)]
    [TestCase("1Gi", false)]
    [TestCase("yesterday", false)]
    [TestCase("RoundRobin", false)]
    [TestCase("x-y", false)]
    [TestCase("1.2.3.4", true)]
    public void Strings_that_could_be_read_as_something_else_are_quoted(string text, bool quoted)
    {
        Assert.That(YamlScalars.NeedsQuotes(text), Is.EqualTo(quoted));
    }

    [TestCase("password", true)]
    [TestCase("clientSecret", true)]
    [TestCase("apiToken", true)]
    [TestCase("privateKey", true)]
    [TestCase("credentials", true)]
    [TestCase("name", false)]
    [TestCase("timeout", false)]
    public void Secret_names_are_recognised(string name, bool secret)
    {
        Assert.That(SecretRedaction.IsSecretName(name), Is.EqualTo(secret));
    }

    [Test]
    public void Output_does_not_depend_on_the_current_culture()
    {
        const string yaml = "apiVersion: tests.egsdk.example.com/v1alpha1\nkind: SamplePolicy\nmetadata:\n  name: c\nspec:\n  timeout: 1m30s\n  port: 8080\n  weight: 0.5\n";
        var invariant = ResourceSerializer.ToYaml(ResourceSerializer.LoadYaml(yaml));
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.That(ResourceSerializer.ToYaml(ResourceSerializer.LoadYaml(yaml)), Is.EqualTo(invariant));
            Assert.That(GatewayDuration.FromTimeSpan(System.TimeSpan.FromMilliseconds(1500.5)).Value, Is.EqualTo("1.5005s"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }

        Assert.That(invariant, Is.EqualTo(yaml));
    }
}
