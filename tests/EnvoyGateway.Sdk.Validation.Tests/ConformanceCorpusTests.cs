using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Validation.Tests;

/// <summary>
/// Every document of every in.yaml of both conformance corpora validates clean against our schemas, except the inputs
/// that ../shared/conformance/README.md lists as breaking the schema on purpose: those report exactly those fields.
/// </summary>
[TestFixture]
public sealed class ConformanceCorpusTests
{
    /// <summary>case → the (subject, path, rule) the README names (paths written out where the README gives only prose).</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["backendtrafficpolicy-status-fault-injection"] =
        [
            "BackendTrafficPolicy envoy-gateway/policy-for-gateway | spec.faultInjection.abort.httpStatus | minimum",
            "BackendTrafficPolicy default/policy-for-route | spec.faultInjection.delay.fixedDelay | pattern",
            "BackendTrafficPolicy default/policy-for-grpcroute | spec.faultInjection.delay.fixedDelay | pattern",
        ],
        ["backendtrafficpolicy-with-circuitbreakers-error"] =
        [
            "BackendTrafficPolicy envoy-gateway/policy-for-gateway | spec.circuitBreaker.maxConnections | minimum",
            "BackendTrafficPolicy default/policy-for-route | spec.circuitBreaker.maxRequestsPerConnection | minimum",
            "BackendTrafficPolicy default/policy-for-route2 | spec.circuitBreaker.maxParallelRetries | minimum",
        ],
        ["clienttrafficpolicy-connection-limit-error"] =
        [
            "ClientTrafficPolicy envoy-gateway/target-gateway-1-section-http-1 | spec.connection.connectionLimit.closeDelay | pattern",
        ],
        ["clienttrafficpolicy-idle-timeout-with-error"] =
        [
            "ClientTrafficPolicy envoy-gateway/target-gateway | spec.timeout.http.requestReceivedTimeout | pattern",
        ],
        ["clienttrafficpolicy-tls-settings"] =
        [
            "ClientTrafficPolicy envoy-gateway/target-gateway-3 | spec.tls | nullable",
        ],
        ["httproute-retry"] =
        [
            "HTTPRoute default/httproute-1 | spec.rules[0].retry | unknownField",
            "HTTPRoute default/httproute-1 | spec.rules[1].retry | unknownField",
        ],
        ["backendtrafficpolicy-buffer-limit-with-invalid-value"] =
        [
            "BackendTrafficPolicy default/policy-for-route | spec.connection.bufferLimit | pattern",
        ],
        ["clienttrafficpolicy-headers-add-if-absent"] =
        [
            "ClientTrafficPolicy envoy-gateway/target-gateway-1 | spec.headers.earlyRequestHeaders.addIfAbsent[1] | listMapKey",
            "ClientTrafficPolicy envoy-gateway/target-gateway-1 | spec.headers.lateResponseHeaders.addIfAbsent[1] | listMapKey",
        ],
        ["clienttrafficpolicy-mtls-cert-bundle-both-invalid"] =
        [
            "ClientTrafficPolicy default/target-gateway-1 | spec.headers.xForwardedClientCert | cel",
        ],
    };

    public static IEnumerable<TestCaseData> Cases()
    {
        var root = SharedMaterial.SharedRoot;
        if (root is null)
        {
            yield return new TestCaseData("<no ../shared>").SetName("Conformance corpus (../shared missing)");
            yield break;
        }

        foreach (var corpus in new[] { "policy-status", "xds" })
        {
            foreach (var dir in Directory.GetDirectories(Path.Combine(root, "conformance", corpus)).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(dir, "in.yaml")))
                {
                    yield return new TestCaseData(corpus + "/" + Path.GetFileName(dir)).SetName(corpus + "/" + Path.GetFileName(dir));
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Case_validates_as_the_corpus_readme_says(string relative)
    {
        var file = SharedMaterial.Require(Path.Combine("conformance", relative, "in.yaml"));
        OurSchemas.EnsureRegistered();
        var reports = ResourceValidator.ValidateYaml(File.ReadAllText(file), file);
        var actual = reports.SelectMany(r => r.Select(e => $"{r.Subject} | {e.Path} | {e.Rule}")).ToList();
        var name = Path.GetFileName(relative);
        var expected = Expected.TryGetValue(name, out var list) ? list : [];
        Assert.That(actual, Is.EquivalentTo(expected), string.Join("\n", reports.SelectMany(r => r.Select(e => r.Subject + ": " + e))));
    }

    [Test]
    public void Every_readme_case_exists_in_the_corpus()
    {
        var root = SharedMaterial.Require("conformance/policy-status");
        foreach (var name in Expected.Keys)
        {
            Assert.That(Directory.Exists(Path.Combine(root, name)), Is.True, name);
        }
    }
}
