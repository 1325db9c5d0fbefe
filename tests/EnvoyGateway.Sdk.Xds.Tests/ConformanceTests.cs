using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

/// <summary>The xDS conformance corpus (shared/conformance/xds) through the library, as score_xds.py scores the CLI.</summary>
public class ConformanceTests
{
    // The cases fully passed so far, one list per policy kind (each grows with that kind's features).
    private static readonly string[] PassingBackendTraffic =
    [
        "btp-circuit-breaker-gateway-two-routes",
        "btp-compressor-brotli-zstd",
        "btp-fault-injection-delay",
        "btp-healthcheck-active-http-overrides",
        "btp-healthcheck-passive",
        "btp-lb-consistent-hash-header",
        "btp-lb-consistent-hash-source-ip",
        "btp-lb-round-robin-slow-start",
        "btp-local-ratelimit-header-rule",
        "btp-response-override",
        "btp-route-overrides-gateway",
        "btp-tcproute-cluster-settings",
        "btp-timeout-httproute-request-wins",
    ];

    private static readonly string[] PassingClientTraffic =
    [
        "ctp-client-ip-custom-header",
        "ctp-connection-limit",
        "ctp-headers-request-id-envoy-headers",
        "ctp-health-check",
        "ctp-http2",
        "ctp-mtls-verify-if-given-san",
        "ctp-timeout-tcp-idle",
    ];

    private static readonly string[] PassingSecurity =
    [
        "sp-authz-client-cidr",
        "sp-basic-auth",
        "sp-extauth-grpc",
        "sp-jwt-local-jwks-optional",
        "sp-merge-strategic",
        "sp-tcproute-authorization",
    ];

    private static readonly string[] Passing = [.. PassingBackendTraffic, .. PassingClientTraffic, .. PassingSecurity];

    private static readonly Dictionary<string, (string DumpType, string List, string Item, string NameField)> Resources = new()
    {
        ["listener"] = ("envoy.admin.v3.ListenersConfigDump", "dynamicListeners", "activeState.listener", "name"),
        ["route"] = ("envoy.admin.v3.RoutesConfigDump", "dynamicRouteConfigs", "routeConfig", "name"),
        ["cluster"] = ("envoy.admin.v3.ClustersConfigDump", "dynamicActiveClusters", "cluster", "name"),
        ["endpoint"] = ("envoy.admin.v3.EndpointsConfigDump", "dynamicEndpointConfigs", "endpointConfig", "clusterName"),
        ["secret"] = ("envoy.admin.v3.SecretsConfigDump", "dynamicActiveSecrets", "secret", "name"),
    };

    private static IEnumerable<string> AllCases() =>
        SharedMaterial.SharedRoot is { } root && Directory.Exists(Path.Combine(root, "conformance/xds"))
            ? Directory.GetDirectories(Path.Combine(root, "conformance/xds")).Select(Path.GetFileName).OfType<string>().Order()
            : [];

    [TestCaseSource(nameof(Passing))]
    public void Case_passes_every_assertion(string name)
    {
        var caseDir = Path.Combine(SharedMaterial.Require("conformance/xds"), name);
        var failures = Failures(caseDir);
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [TestCaseSource(nameof(AllCases))]
    public void Corpus_input_translates_without_pgv_violations(string name)
    {
        var yaml = File.ReadAllText(Path.Combine(SharedMaterial.Require("conformance/xds"), name, "in.yaml"));
        foreach (var gateway in Inputs.Translate(yaml))
        {
            Assert.That(gateway.Warnings.Where(w => w.Contains(": ", System.StringComparison.Ordinal) && (w.StartsWith("Listener ", System.StringComparison.Ordinal)
                || w.StartsWith("Cluster ", System.StringComparison.Ordinal) || w.StartsWith("RouteConfiguration ", System.StringComparison.Ordinal)
                || w.StartsWith("ClusterLoadAssignment ", System.StringComparison.Ordinal) || w.StartsWith("Secret ", System.StringComparison.Ordinal))), Is.Empty);
        }
    }

    private static List<string> Failures(string caseDir)
    {
        var expect = JsonNode.Parse(File.ReadAllText(Path.Combine(caseDir, "expect.json")))!;
        var gateways = Inputs.Translate(File.ReadAllText(Path.Combine(caseDir, "in.yaml")))
            .ToDictionary(g => g.Gateway, g => JsonNode.Parse(Inputs.Json(g))!);
        var failures = new List<string>();
        foreach (var assertion in expect["assertions"]!.AsArray())
        {
            var gateway = assertion!["gateway"]!.GetValue<string>();
            var kind = assertion["resource"]!.GetValue<string>();
            var name = assertion["name"]!.GetValue<string>();
            var path = assertion["path"]!.GetValue<string>();
            var op = assertion["op"]!.GetValue<string>();
            var resource = gateways.TryGetValue(gateway, out var dump) ? Find(dump, kind, name) : null;
            var (found, value, failure) = resource is null ? (false, null, "resource") : ConformancePath.Resolve(resource, path);
            var ok = op switch
            {
                "exists" => found,
                "absent" => !found,
                "equals" => found && ConformancePath.JsonEquals(value, assertion["value"]),
                "contains" => found && (value is JsonArray list ? list.Any(e => ConformancePath.SubsetMatch(e, assertion["value"]))
                    : value is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Contains(assertion["value"]!.GetValue<string>(), System.StringComparison.Ordinal)),
                _ => false,
            };
            if (!ok)
            {
                failures.Add($"{kind} {name} {path} {op}: {(found ? value?.ToJsonString() : "missing at " + failure)}");
            }
        }

        return failures;
    }

    private static JsonNode? Find(JsonNode dump, string kind, string name)
    {
        var (dumpType, list, item, nameField) = Resources[kind];
        var config = dump["configs"]!.AsArray().FirstOrDefault(c => c!["@type"]!.GetValue<string>() == "type.googleapis.com/" + dumpType);
        foreach (var entry in (config?[list] as JsonArray) ?? [])
        {
            var resource = item.Split('.').Aggregate(entry, (node, key) => node?[key]);
            if (resource?[nameField]?.GetValue<string>() == name)
            {
                return resource;
            }
        }

        return null;
    }
}
