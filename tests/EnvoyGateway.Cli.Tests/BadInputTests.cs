using NUnit.Framework;

namespace EnvoyGateway.Cli.Tests;

/// <summary>Bad input gives one clear message and a documented exit code, never a stack trace.</summary>
public sealed class BadInputTests
{
    [Test]
    public void Missing_file()
    {
        var (exit, stdout, stderr) = CliRunner.Run("translate", "-f", "does-not-exist.yaml");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.Trim(), Is.EqualTo("egsdk: does-not-exist.yaml: no such file"));
    }

    [Test]
    public void Unreadable_yaml_names_file_line_and_column()
    {
        var (exit, _, stderr) = CliRunner.RunWithStdin("kind: Gateway\nmetadata: [unclosed\n", "translate", "-f", "-");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr, Does.StartWith("egsdk: <stdin>:"));
        Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one message");
    }

    [Test]
    public void Known_kind_with_an_unserved_api_version_is_an_error()
    {
        var (exit, _, stderr) = CliRunner.RunWithStdin("apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: HTTPRoute\nmetadata: {name: r}\n", "translate", "-f", "-");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Is.EqualTo("egsdk: <stdin>:1:1: HTTPRoute does not have apiVersion 'gateway.networking.k8s.io/v1alpha2' (it is not served by the supported API versions)."));
    }

    [Test]
    public void Wrong_shape_names_the_json_path()
    {
        var (exit, _, stderr) = CliRunner.RunWithStdin("apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata: {name: p}\nspec:\n  circuitBreaker: [1]\n", "translate", "-f", "-");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("<stdin>:5:19"));
        Assert.That(stderr, Does.Contain("spec.circuitBreaker"));
    }

    [TestCase("translate")]
    [TestCase("translate", "-f", "x.yaml", "--format", "xml")]
    [TestCase("bogus")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var (exit, _, stderr) = CliRunner.Run(args);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Is.Not.Empty);
    }
}
