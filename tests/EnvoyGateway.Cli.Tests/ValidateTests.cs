using System.IO;
using System.Text.Json;
using NUnit.Framework;

namespace EnvoyGateway.Cli.Tests;

public sealed class ValidateTests
{
    private const string Broken = """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: BackendTrafficPolicy
        metadata: {name: p, namespace: default}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]
          circuitBreaker:
            maxConnections: -1
          timeout:
            http:
              requestTimeout: 10sec
        """;

    private const string Valid = """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: BackendTrafficPolicy
        metadata: {name: ok, namespace: default}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]
          circuitBreaker: {maxConnections: 10}
        """;

    [Test]
    public void Each_problem_is_one_line_with_file_line_column_path_rule_and_message()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithStdin(Broken, "validate", "-");

        Assert.That(exit, Is.EqualTo(3), stderr);
        var lines = stdout.Trim().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("<stdin>:7:"));
        Assert.That(lines[0], Does.Contain(": spec.circuitBreaker.maxConnections: minimum: "));
        Assert.That(lines[1], Does.StartWith("<stdin>:10:"));
        Assert.That(lines[1], Does.Contain(": spec.timeout.http.requestTimeout: pattern: "));
        Assert.That(stderr, Does.Contain("1 documents in 1 files, 2 problems"));
    }

    [Test]
    public void A_cel_rule_violation_is_reported()
    {
        var yaml = Valid.Replace("circuitBreaker: {maxConnections: 10}", "mergeType: StrategicMerge\n  targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: g}", System.StringComparison.Ordinal);

        var (exit, stdout, _) = CliRunner.RunWithStdin(yaml, "validate", "-");

        Assert.That(exit, Is.EqualTo(3));
        Assert.That(stdout, Does.Contain(": cel: "));
    }

    [Test]
    public void Json_format_for_ci()
    {
        var (exit, stdout, _) = CliRunner.RunWithStdin(Broken, "validate", "-", "--format", "json");

        Assert.That(exit, Is.EqualTo(3));
        using var json = JsonDocument.Parse(stdout);
        var first = json.RootElement[0];
        Assert.That(first.GetProperty("path").GetString(), Is.EqualTo("spec.circuitBreaker.maxConnections"));
        Assert.That(first.GetProperty("rule").GetString(), Is.EqualTo("minimum"));
        Assert.That(first.GetProperty("line").GetInt32(), Is.EqualTo(7));
    }

    [Test]
    public void Valid_documents_and_directories_exit_0()
    {
        var dir = Directory.CreateTempSubdirectory("egsdk-validate-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "nested"));
            File.WriteAllText(Path.Combine(dir.FullName, "nested", "ok.yaml"), Valid);
            File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "not yaml: [");

            var (exit, stdout, stderr) = CliRunner.Run("validate", dir.FullName);

            Assert.That(exit, Is.Zero, stdout + stderr);
            Assert.That(stderr, Does.Contain("1 documents in 1 files, 0 problems"));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Test]
    public void Missing_path_is_an_input_error()
    {
        var (exit, _, stderr) = CliRunner.Run("validate", "nope.yaml");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Is.EqualTo("egsdk: nope.yaml: no such file or directory"));
    }
}
