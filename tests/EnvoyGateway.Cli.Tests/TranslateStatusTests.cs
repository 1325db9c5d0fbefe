using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace EnvoyGateway.Cli.Tests;

public sealed class TranslateStatusTests
{
    internal const string Input = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: eg}
        spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {namespace: default, name: eg}
        spec:
          gatewayClassName: eg
          listeners: [{name: http, protocol: HTTP, port: 80}]
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: BackendTrafficPolicy
        metadata: {namespace: default, name: gw}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]
          circuitBreaker: {maxConnections: -1}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {namespace: default, name: w}
        """;

    [Test]
    public void Status_json_lists_every_policy_with_its_ancestors()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithStdin(Input, "translate", "-f", "-", "--output", "status", "--format", "json");

        Assert.That(exit, Is.Zero, stderr);
        using var json = JsonDocument.Parse(stdout);
        var policy = json.RootElement.EnumerateArray().Single();
        Assert.That(policy.GetProperty("kind").GetString(), Is.EqualTo("BackendTrafficPolicy"));
        Assert.That(policy.GetProperty("spec").GetProperty("circuitBreaker").GetProperty("maxConnections").GetInt32(), Is.EqualTo(-1), "the full object is printed");
        var ancestor = policy.GetProperty("status").GetProperty("ancestors")[0];
        Assert.That(ancestor.GetProperty("ancestorRef").GetProperty("name").GetString(), Is.EqualTo("eg"));
        Assert.That(ancestor.GetProperty("controllerName").GetString(), Is.EqualTo("gateway.envoyproxy.io/gatewayclass-controller"));
        var condition = ancestor.GetProperty("conditions")[0];
        Assert.That(condition.GetProperty("reason").GetString(), Is.EqualTo("Invalid"));
        Assert.That(condition.GetProperty("message").GetString(), Is.EqualTo("CircuitBreaker: invalid MaxConnections value -1."));
    }

    [Test]
    public void Unknown_kinds_are_warned_about_on_stderr_and_ignored()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithStdin(Input, "translate", "-f", "-");

        Assert.That(exit, Is.Zero);
        Assert.That(stderr, Does.Contain("warning: <stdin>:20:1: ignoring example.com/v1 Widget default/w: not a kind egsdk reads"));
        Assert.That(stdout, Does.Not.Contain("Widget"));
    }

    [Test]
    public void Yaml_format_prints_a_document_stream()
    {
        var (exit, stdout, _) = CliRunner.RunWithStdin(Input, "translate", "-f", "-", "--format", "yaml");

        Assert.That(exit, Is.Zero);
        Assert.That(stdout, Does.Contain("kind: BackendTrafficPolicy"));
        Assert.That(stdout, Does.Contain("message: 'CircuitBreaker: invalid MaxConnections value -1.'").Or.Contain("message: \"CircuitBreaker: invalid MaxConnections value -1.\""));
    }

    [Test]
    public void Several_files_are_read_in_order()
    {
        var dir = Directory.CreateTempSubdirectory("egsdk-cli-");
        try
        {
            var parts = Input.Split("---\n");
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), string.Join("---\n", parts.Take(2)));
            File.WriteAllText(Path.Combine(dir.FullName, "b.yaml"), string.Join("---\n", parts.Skip(2)));

            var (exit, stdout, stderr) = CliRunner.Run("translate", "-f", Path.Combine(dir.FullName, "a.yaml"), "-f", Path.Combine(dir.FullName, "b.yaml"));

            Assert.That(exit, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("CircuitBreaker: invalid MaxConnections value -1."));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Test]
    public void Output_is_byte_identical_across_runs()
    {
        var first = CliRunner.RunWithStdin(Input, "translate", "-f", "-").Stdout;
        var second = CliRunner.RunWithStdin(Input, "translate", "-f", "-").Stdout;

        Assert.That(second, Is.EqualTo(first));
    }
}

public sealed class TranslateTableTests
{
    private const string Input = TranslateStatusTests.Input;

    [Test]
    public void A_terminal_gets_a_table_by_default_and_a_pipe_gets_json()
    {
        var terminal = new System.IO.StringWriter();
        var piped = new System.IO.StringWriter();

        Program.Run(["translate", "-f", "-"], new System.IO.StringReader(Input), terminal, System.IO.TextWriter.Null, outIsTerminal: true);
        Program.Run(["translate", "-f", "-"], new System.IO.StringReader(Input), piped, System.IO.TextWriter.Null, outIsTerminal: false);

        Assert.That(terminal.ToString(), Does.Contain("BackendTrafficPolicy default/gw").And.Contain("CircuitBreaker: invalid MaxConnections value -1."));
        Assert.That(terminal.ToString().TrimStart(), Does.Not.StartWith("["));
        Assert.That(piped.ToString().TrimStart(), Does.StartWith("["));
    }

    [Test]
    public void Table_is_for_status_only()
    {
        var (exit, _, stderr) = CliRunner.RunWithStdin(Input, "translate", "-f", "-", "--output", "xds", "--format", "table");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--format table shows policy status only"));
    }
}
