using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.GatewayApi.V1;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.TestSupport;
using EnvoyGateway.Sdk.Translation.Features;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using k8s.Models;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.ClientTraffic.Tests;

/// <summary>
/// Public policy-status cases: each ClientTrafficPolicy is built for the listeners it configures (a section, or the
/// Gateway's listeners not claimed by a section policy) and its errors / HTTP/3 warning are compared with
/// expected.json. Claims, overrides and port overlap are the engine's, so this stays a feature-level check.
/// </summary>
public class ConformanceTests
{
    public static IEnumerable<string> Cases() =>
        PolicyStatusCases.Names(n => n.StartsWith("clienttrafficpolicy-", StringComparison.Ordinal), "clienttrafficpolicy-http2");

    [TestCaseSource(nameof(Cases))]
    public void Feature_errors_match_expected_status(string caseName)
    {
        var resources = PolicyStatusCases.Load(caseName, out var expectedJson);
        using var expected = expectedJson;
        var context = new FakeFeatureContext();
        context.Secrets.AddRange(resources.OfType<V1Secret>());
        context.ConfigMaps.AddRange(resources.OfType<V1ConfigMap>());
        var gateways = resources.OfType<Gateway>().ToList();
        var policies = resources.OfType<ClientTrafficPolicy>().ToList();

        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            foreach (var (gateway, section) in Targets(policy, gateways).Where(t => t.Section is not null))
            {
                claimed.Add(gateway.Metadata.NamespaceProperty + "/" + gateway.Metadata.Name + "/" + section);
            }
        }

        var compared = 0;
        foreach (var policy in policies)
        {
            var expectedPolicy = expected.RootElement.GetProperty("policies").EnumerateArray().FirstOrDefault(p =>
                p.GetProperty("kind").GetString() == "ClientTrafficPolicy"
                && p.GetProperty("name").GetString() == policy.Metadata.Name
                && p.GetProperty("namespace").GetString() == policy.Metadata.NamespaceProperty);
            if (expectedPolicy.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var (gateway, section) in Targets(policy, gateways))
            {
                var ancestor = expectedPolicy.GetProperty("ancestors").EnumerateArray().FirstOrDefault(a =>
                    a.GetProperty("ancestorRef").GetProperty("name").GetString() == gateway.Metadata.Name
                    && (a.GetProperty("ancestorRef").TryGetProperty("sectionName", out var s) ? s.GetString() : null) == section);
                if (ancestor.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var conditions = ancestor.GetProperty("conditions").EnumerateArray().ToList();
                var accepted = conditions.FirstOrDefault(c => c.GetProperty("type").GetString() == "Accepted");
                if (accepted.ValueKind != JsonValueKind.Object
                    || accepted.GetProperty("reason").GetString() is not ("Accepted" or "Invalid"))
                {
                    continue;
                }

                var errors = new FeatureErrors();
                var http3Disabled = new List<string>();
                foreach (var listener in gateway.Spec.Listeners)
                {
                    var key = gateway.Metadata.NamespaceProperty + "/" + gateway.Metadata.Name + "/" + listener.Name;
                    if (section is null ? claimed.Contains(key) : listener.Name != section)
                    {
                        continue;
                    }

                    var result = ClientTrafficFeatures.Build(policy, ToListener(gateway, listener), context);
                    foreach (var item in result.Errors.Items)
                    {
                        errors.AddRaw(item);
                    }

                    if (result.Http3DisabledForClientValidation)
                    {
                        http3Disabled.Add(listener.Name);
                    }
                }

                if (accepted.GetProperty("reason").GetString() == "Invalid")
                {
                    Assert.That(errors.ToConditionMessage(), Is.EqualTo(accepted.GetProperty("message").GetString()), $"{policy.Metadata.Name} on {gateway.Metadata.Name}/{section}");
                }
                else
                {
                    Assert.That(errors.Items, Is.Empty, $"{policy.Metadata.Name} on {gateway.Metadata.Name}/{section}");
                }

                var warning = conditions.FirstOrDefault(c => c.GetProperty("type").GetString() == "Warning"
                    && c.GetProperty("reason").GetString() == "UnsupportedHTTP3ClientValidation");
                if (warning.ValueKind == JsonValueKind.Object)
                {
                    Assert.That(http3Disabled, Has.Count.EqualTo(1));
                    Assert.That(warning.GetProperty("message").GetString(), Is.EqualTo($"HTTP/3 was disabled for listener \"{http3Disabled[0]}\" because Envoy does not support downstream client TLS validation over QUIC"));
                }
                else
                {
                    Assert.That(http3Disabled, Is.Empty);
                }

                compared++;
            }
        }

        Assert.That(compared, Is.GreaterThan(0), "no ancestor compared");
    }

    private static IEnumerable<(Gateway Gateway, string? Section)> Targets(ClientTrafficPolicy policy, List<Gateway> gateways)
    {
        var refs = new List<(string Kind, string Name, string? Section)>();
        if (policy.Spec.TargetRef is { } single)
        {
            refs.Add((single.Kind, single.Name, single.SectionName));
        }
        else if (policy.Spec.TargetRefs is { } many)
        {
            refs.AddRange(many.Select(r => (r.Kind, r.Name, r.SectionName)));
        }

        foreach (var (kind, name, section) in refs.Where(r => r.Kind == "Gateway"))
        {
            var gateway = gateways.FirstOrDefault(g => g.Metadata.Name == name && g.Metadata.NamespaceProperty == policy.Metadata.NamespaceProperty);
            if (gateway is not null)
            {
                yield return (gateway, section);
            }
        }
    }

    private static ClientTrafficListener ToListener(Gateway gateway, GatewaySpecListenersItem listener)
    {
        var terminates = listener.Protocol == "HTTPS" || (listener.Protocol == "TLS" && listener.Tls?.Mode?.Value == "Terminate");
        return new ClientTrafficListener(
            gateway.Metadata.NamespaceProperty + "/" + gateway.Metadata.Name + "/" + listener.Name,
            listener.Name,
            listener.Protocol,
            listener.Port,
            terminates,
            listener.Hostname is null ? null : new[] { listener.Hostname });
    }
}
