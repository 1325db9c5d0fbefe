using System.IO;
using System.Linq;
using EnvoyGateway.Cli.Output;
using EnvoyGateway.Sdk.Translation;
using NUnit.Framework;

namespace EnvoyGateway.Cli.Tests;

public sealed class StatusTableTests
{
    private const string Yaml = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: eg}
        spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {namespace: infra, name: edge}
        spec:
          gatewayClassName: eg
          listeners: [{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {namespace: apps, name: blog}
        spec:
          parentRefs: [{namespace: infra, name: edge}]
          rules: [{backendRefs: [{name: blog, port: 8080}]}]
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: BackendTrafficPolicy
        metadata: {namespace: apps, name: first}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: blog}]
          retry: {numRetries: 1}
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: BackendTrafficPolicy
        metadata: {namespace: apps, name: second-one}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: blog}]
          retry: {numRetries: 2}
        ---
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {namespace: apps, name: orphan}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: missing}]
          cors: {allowOrigins: ["https://a.example"]}
        """;

    [Test]
    public void Renders_one_aligned_row_per_condition_and_a_row_for_policies_without_status()
    {
        var table = StatusTable.Render(PolicyResolver.Resolve(ResourceSet.FromYaml(Yaml)));

        Assert.That(table, Is.EqualTo(
            "POLICY                                ANCESTOR            CONDITION       REASON      MESSAGE\n"
            + "BackendTrafficPolicy apps/first       Gateway infra/edge  Accepted=True   Accepted    Policy has been accepted.\n"
            + "BackendTrafficPolicy apps/second-one  Gateway infra/edge  Accepted=False  Conflicted  Unable to target HTTPRoute blog, another BackendTrafficPolicy has already attached to it\n"
            + "SecurityPolicy apps/orphan            -                   -               -           no status: it targets nothing a managed Gateway serves\n"));
    }

    [Test]
    public void Every_line_has_its_message_starting_in_the_same_column_and_no_trailing_spaces()
    {
        var yaml = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scenario.yaml"));
        var lines = StatusTable.Render(PolicyResolver.Resolve(ResourceSet.FromYaml(yaml))).TrimEnd('\n').Split('\n');

        var messageColumn = lines[0].IndexOf("MESSAGE", System.StringComparison.Ordinal);
        Assert.That(lines.Skip(1).Select(l => l[(messageColumn - 2)..messageColumn]), Has.All.EqualTo("  "));
        Assert.That(lines.Skip(1).Select(l => l[messageColumn]), Has.None.EqualTo(' '));
        Assert.That(lines, Has.None.EndsWith(" "));
        Assert.That(lines, Has.Length.GreaterThan(15));
    }
}
