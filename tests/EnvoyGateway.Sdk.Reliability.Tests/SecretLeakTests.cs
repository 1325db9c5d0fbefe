using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation;
using EnvoyGateway.Sdk.Translation.Xds;
using EnvoyGateway.Sdk.Validation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Reliability.Tests;

/// <summary>
/// A secret value never reaches a message: load errors (with their inner exceptions), validation problems,
/// policy status, xDS warnings, ToString() of every model and report, and egsdk's stderr, status conditions and
/// validation output, even when the document is broken right around the value. Only the xDS resources themselves (egsdk's
/// --output xds) carry secrets, because Envoy needs them.
/// </summary>
public sealed class SecretLeakTests
{
    private const string Secret = "S3NT1NEL-do-not-print";

    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: eg}
        spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {namespace: default, name: gw}
        spec:
          gatewayClassName: eg
          listeners:
          - {name: http, protocol: HTTP, port: 80}
          - name: https
            protocol: HTTPS
            port: 443
            tls: {certificateRefs: [{name: gw-cert}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {namespace: default, name: route}
        spec:
          parentRefs: [{name: gw}]
          rules: [{backendRefs: [{name: svc, port: 8080}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {namespace: default, name: svc}
        spec: {clusterIP: 10.0.0.1, ports: [{name: http, port: 8080}]}
        ---

        """;

    private const string SecurityPolicyHead = """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {namespace: default, name: sp}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: route}]

        """;

    private static readonly string Base64Secret = Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret));

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("TLS key and certificate in stringData, not PEM", $$"""
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: gw-cert}
            type: kubernetes.io/tls
            stringData:
              tls.crt: "-----BEGIN CERTIFICATE-----\n{{Secret}}\n-----END CERTIFICATE-----\n"
              tls.key: "-----BEGIN PRIVATE KEY-----\n{{Secret}}\n-----END PRIVATE KEY-----\n"
            """);
        yield return Case("TLS key in data, base64 of garbage", $$"""
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: gw-cert}
            type: kubernetes.io/tls
            data:
              tls.crt: {{Base64Secret}}
              tls.key: {{Base64Secret}}
            """);
        yield return Case("TLS key in data, not base64", $$"""
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: gw-cert}
            type: kubernetes.io/tls
            data: {tls.crt: "{{Secret}}!", tls.key: "{{Secret}}!"}
            """);
        yield return Case("basic-auth htpasswd that is not htpasswd", SecurityPolicyHead + $$"""
              basicAuth:
                users: {name: users}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: users}
            stringData: {.htpasswd: "alice:{{Secret}}\nbob"}
            """);
        yield return Case("basic-auth htpasswd in data, base64", SecurityPolicyHead + $$"""
              basicAuth:
                users: {name: users}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: users}
            data:
              .htpasswd: {{Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:" + Secret))}}
            """);
        yield return Case("OIDC client secret with a broken provider", SecurityPolicyHead + $$"""
              oidc:
                provider: {issuer: "not a url"}
                clientID: client
                clientSecret: {name: oidc}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: oidc}
            stringData: {client-secret: "{{Secret}}"}
            """);
        yield return Case("OIDC clientSecret written inline instead of a reference", SecurityPolicyHead + $$"""
              oidc:
                provider: {issuer: "https://issuer.example.com"}
                clientID: client
                clientSecret: "{{Secret}}"
            """);
        yield return Case("OIDC clientSecret a list holding the value", SecurityPolicyHead + $$"""
              oidc:
                provider: {issuer: "https://issuer.example.com"}
                clientID: client
                clientSecret: ["{{Secret}}"]
            """);
        yield return Case("API keys with a broken extractFrom", SecurityPolicyHead + $$"""
              apiKeyAuth:
                credentialRefs: [{name: keys}]
                extractFrom: [{headers: []}]
            ---
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: keys}
            stringData: {client1: "{{Secret}}", client2: ""}
            """);
        yield return Case("API key credentialRefs naming the value", SecurityPolicyHead + $$"""
              apiKeyAuth:
                credentialRefs: [{name: "{{Secret}}"}]
                extractFrom: [{headers: [x-api-key]}]
            """, alsoInNames: true);
        yield return Case("Secret value as a list", $$"""
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: keys}
            stringData: {client1: ["{{Secret}}"]}
            """);
        yield return Case("Secret value followed by a syntax error", $$"""
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: keys}
            stringData:
              password: {{Secret}}
              broken: [unclosed
            """);
        yield return Case("Secret value followed by a bad indentation", $$"""
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: keys}
            stringData:
              password: {{Secret}}
             other: x
            """);
        yield return Case("Secret value with an unterminated quote", $$"""
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: keys}
            stringData:
              password: "{{Secret}}
            """);
        yield return Case("Secret value with a duplicate key", $$"""
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: keys}
            stringData:
              password: {{Secret}}
              password: {{Secret}}2
            """);
        yield return Case("Secret value with a control character", "apiVersion: v1\nkind: Secret\nmetadata: {namespace: default, name: keys}\nstringData:\n  password: \"" + Secret + "\u0001\"\n");
        yield return Case("Secret value as a number", """
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: keys}
            data: {pin: 98765432123456789}
            stringData: {pin: [98765432123456789]}
            """, secret: "98765432123456789");
        yield return Case("password-like field of a policy with the wrong type", SecurityPolicyHead + $$"""
              extAuth:
                http: {backendRefs: [{name: svc, port: 8080}], password: {{Secret}}}
                token: ["{{Secret}}"]
            """);
        yield return Case("Secret whose type field is broken", $$"""
            apiVersion: v1
            kind: Secret
            metadata: {namespace: default, name: gw-cert}
            type: [kubernetes.io/tls]
            stringData: {tls.key: "{{Secret}}"}
            """);
    }

    [TestCaseSource(nameof(Cases))]
    public void The_secret_appears_in_no_message(string document, string secret, bool alsoInNames)
    {
        var text = Gateway + document;
        var messages = LibraryMessages(text);
        messages.AddRange(CliMessages(text));

        var forms = new[] { secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)) };
        var leaks = messages.Where(m => forms.Any(f => m.Contains(f, StringComparison.Ordinal))).ToList();
        if (alsoInNames)
        {
            // A Secret's name is not secret: messages may name it, as Envoy Gateway's do ("secret default/x does not exist").
            leaks = leaks.Where(m => !m.Contains("default/" + secret, StringComparison.Ordinal) && !m.Contains('"' + secret + '"', StringComparison.Ordinal)).ToList();
        }

        Assert.That(messages, Is.Not.Empty, "the case produced no message at all to check");
        Assert.That(leaks, Is.Empty);
    }

    private static List<string> LibraryMessages(string text)
    {
        var messages = new List<string>();
        try
        {
            foreach (var report in ResourceValidator.ValidateYaml(text, "secrets.yaml"))
            {
                messages.Add(report.ToString());
                messages.AddRange(report.Select(e => e.ToString() + " " + e.Value + " " + e.Message));
            }
        }
        catch (ResourceLoadException e)
        {
            messages.Add(e.ToString());
        }

        ResourceSet set;
        try
        {
            set = ResourceSet.FromYaml(text, "secrets.yaml");
        }
        catch (ResourceLoadException e)
        {
            messages.Add(e.ToString());
            messages.Add(e.Problem ?? string.Empty);
            return messages;
        }

        messages.AddRange(set.Resources.Select(r => r.ToString() + " " + r.Resource));
        try
        {
            var resolution = PolicyResolver.Resolve(set);
            messages.AddRange(resolution.IgnoredResources.Select(r => r.ToString()));
            foreach (var policy in resolution.Policies)
            {
                messages.Add(policy.ToString());
                messages.AddRange(policy.Ancestors.Select(a => a.ToString()));
                messages.AddRange(policy.Ancestors.SelectMany(a => a.Conditions).Select(c => c.ToString()));
            }

            foreach (var gateway in XdsTranslator.Translate(resolution, PipelineOutcome.Now))
            {
                messages.Add(gateway.ToString()!);
                messages.AddRange(gateway.Warnings);
            }
        }
        catch (Exception e)
        {
            // A crash is a bug of its own (the fuzzer's business); here only its text matters.
            messages.Add(e.ToString());
        }

        return messages;
    }

    private static IEnumerable<string> CliMessages(string text)
    {
        var (_, status, translateErr) = CliRunner.RunWithStdin(text, "translate", "-f", "-", "--output", "status");
        var (_, _, xdsErr) = CliRunner.RunWithStdin(text, "translate", "-f", "-", "--output", "all");
        var (_, validateOut, validateErr) = CliRunner.RunWithStdin(text, "validate", "-");
        var (_, validateJson, _) = CliRunner.RunWithStdin(text, "validate", "-", "--format", "json");
        // The status output echoes each policy as written (like kubectl get -o yaml); its messages are the conditions.
        var conditions = status.Length == 0 ? [] : System.Text.Json.Nodes.JsonNode.Parse(status)!.AsArray()
            .SelectMany(p => p?["status"]?["ancestors"]?.AsArray() ?? [])
            .SelectMany(a => a?["conditions"]?.AsArray() ?? [])
            .Select(c => c?["message"]?.GetValue<string>() ?? string.Empty);
        return [.. conditions, translateErr, xdsErr, validateOut, validateErr, validateJson];
    }

    private static TestCaseData Case(string name, string document, string secret = Secret, bool alsoInNames = false) =>
        new TestCaseData(document, secret, alsoInNames).SetArgDisplayNames(name);
}
