using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>
/// <c>spec.tls</c> on a listener that terminates TLS (prefix <c>TLS</c>): versions (defaults 1.2..1.3 whenever a CTP
/// applies), ALPN, ciphers (validated), ECDH curves and signature algorithms (passed through, as Envoy Gateway does),
/// session resumption and client validation (CA / CRL references). Stops at the first error.
/// </summary>
internal static class TlsFeature
{
    public const string Prefix = "TLS";

    private const string PolicyKind = "ClientTrafficPolicy";

    public static ListenerTlsSettings? Build(ClientTrafficPolicy policy, ClientTrafficListener listener, IFeatureContext context, DateTimeOffset now, out string? error)
    {
        error = null;
        if (!listener.TerminatesTls)
        {
            return null;
        }

        var tls = policy.Spec?.Tls;
        if (tls is null)
        {
            return new ListenerTlsSettings("1.2", "1.3", null, null, null, null, false, false, null);
        }

        if (tls.Ciphers is { Count: > 0 } ciphers && TlsCipherSuites.FirstUnsupported(ciphers) is { } bad)
        {
            error = "unsupported cipher suite: " + bad;
            return null;
        }

        ClientValidationSettings? validation = null;
        if (tls.ClientValidation is { } cv)
        {
            validation = BuildClientValidation(policy, cv, context, now, out error);
            if (error is not null)
            {
                return null;
            }
        }

        return new ListenerTlsSettings(
            tls.MinVersion?.Value ?? "1.2",
            tls.MaxVersion?.Value ?? "1.3",
            tls.AlpnProtocols?.ToList(),
            tls.Ciphers is { Count: > 0 } c ? c.ToList() : null,
            tls.EcdhCurves is { Count: > 0 } e ? e.ToList() : null,
            tls.SignatureAlgorithms is { Count: > 0 } s ? s.ToList() : null,
            tls.Session?.Resumption?.Stateless is not null,
            tls.Session?.Resumption?.Stateful is not null,
            validation)
        {
            Fingerprints = tls.Fingerprints?.Select(f => f.Value).ToList() ?? [],
        };
    }

    private static ClientValidationSettings? BuildClientValidation(
        ClientTrafficPolicy policy,
        ClientTrafficPolicySpecTlsClientValidation cv,
        IFeatureContext context,
        DateTimeOffset now,
        out string? error)
    {
        error = null;
        var policyNamespace = policy.Metadata?.NamespaceProperty ?? "default";
        var policyName = policy.Metadata?.Name ?? string.Empty;

        var bundle = new StringBuilder();
        foreach (var reference in cv.CaCertificateRefs ?? new List<ClientTrafficPolicySpecTlsClientValidationCaCertificateRefsItem>())
        {
            var data = ResolveData(reference.Kind, reference.Namespace, reference.Name, "ca.crt", "caCertificateRef", policyNamespace, context, out error);
            if (error is not null)
            {
                return null;
            }

            var valid = CertificateBundle.Validate(data!, reference.Name, now, out error);
            if (error is not null)
            {
                return null;
            }

            bundle.Append(valid);
        }

        string? crl = null;
        if (cv.Crl is { } crlSettings)
        {
            var crlBundle = new StringBuilder();
            foreach (var reference in crlSettings.Refs ?? new List<ClientTrafficPolicySpecTlsClientValidationCrlRefsItem>())
            {
                var data = ResolveData(reference.Kind, reference.Namespace, reference.Name, "ca.crl", "crl", policyNamespace, context, out error);
                if (error is not null)
                {
                    return null;
                }

                crlBundle.Append(data);
            }

            crl = crlBundle.Length > 0 ? crlBundle.ToString() : null;
        }

        var mode = cv.Mode?.Value;
        var require = mode switch
        {
            "Request" or "VerifyIfGiven" => false,
            "RequireAny" or "RequireAndVerify" => true,
            _ => cv.Optional != true,
        };
        var acceptUntrusted = mode is "Request" or "RequireAny";

        return new ClientValidationSettings(
            policyNamespace + "/" + policyName + "/ca.crt",
            bundle.Length > 0 ? bundle.ToString() : null,
            crl,
            require,
            acceptUntrusted,
            cv.AllowExpiredCertificate ?? false)
        {
            SubjectAltNames = SubjectAltNames(cv.SubjectAltNames),
            CertificateHashes = cv.CertificateHashes?.ToList() ?? [],
            SpkiHashes = cv.SpkiHashes?.ToList() ?? [],
            OnlyVerifyLeafCertificateCrl = cv.Crl?.OnlyVerifyLeafCertificate ?? false,
        };
    }

    // Envoy Gateway's order: DNS names, email addresses, IP addresses, URIs, other names; match type Exact by default.
    private static List<SubjectAltNameMatch> SubjectAltNames(ClientTrafficPolicySpecTlsClientValidationSubjectAltNames? names)
    {
        var result = new List<SubjectAltNameMatch>();
        if (names is null)
        {
            return result;
        }

        result.AddRange(names.DnsNames?.Select(n => new SubjectAltNameMatch("DNS", n.Type?.Value ?? "Exact", n.Value, null)) ?? []);
        result.AddRange(names.EmailAddresses?.Select(n => new SubjectAltNameMatch("EMAIL", n.Type?.Value ?? "Exact", n.Value, null)) ?? []);
        result.AddRange(names.IpAddresses?.Select(n => new SubjectAltNameMatch("IP_ADDRESS", n.Type?.Value ?? "Exact", n.Value, null)) ?? []);
        result.AddRange(names.Uris?.Select(n => new SubjectAltNameMatch("URI", n.Type?.Value ?? "Exact", n.Value, null)) ?? []);
        result.AddRange(names.OtherNames?.Select(n => new SubjectAltNameMatch("OTHER_NAME", n.Type?.Value ?? "Exact", n.Value, n.Oid)) ?? []);
        return result;
    }

    /// <summary>
    /// Resolves a Secret/ConfigMap reference and returns the text at <paramref name="key"/> (falling back to the
    /// only key when the object has exactly one), with Envoy Gateway's messages for every failure.
    /// </summary>
    private static string? ResolveData(
        string? kindValue,
        string? namespaceValue,
        string name,
        string key,
        string what,
        string policyNamespace,
        IFeatureContext context,
        out string? error)
    {
        error = null;
        var kind = string.IsNullOrEmpty(kindValue) ? "Secret" : kindValue;
        var ns = string.IsNullOrEmpty(namespaceValue) ? policyNamespace : namespaceValue;
        switch (kind)
        {
            case "Secret":
            {
                error = FeatureReferences.CheckReferenceGrant(context, PolicyKind, policyNamespace, "Secret", ns, name);
                var secret = error is null ? FeatureReferences.FindSecret(context, ns, name, out error) : null;
                if (secret is null)
                {
                    return null;
                }

                var data = secret.Data;
                byte[]? bytes = null;
                if (data is not null && !data.TryGetValue(key, out bytes) && data.Count == 1)
                {
                    bytes = data.Values.First();
                }

                if (bytes is null || bytes.Length == 0)
                {
                    error = $"{what} not found in secret {name}";
                    return null;
                }

                return Encoding.UTF8.GetString(bytes);
            }

            case "ConfigMap":
            {
                error = FeatureReferences.CheckReferenceGrant(context, PolicyKind, policyNamespace, "ConfigMap", ns, name);
                var configMap = error is null ? FeatureReferences.FindConfigMap(context, ns, name, out error) : null;
                if (configMap is null)
                {
                    return null;
                }

                var data = configMap.Data;
                string? text = null;
                if (data is not null && !data.TryGetValue(key, out text) && data.Count == 1)
                {
                    text = data.Values.First();
                }

                if (string.IsNullOrEmpty(text))
                {
                    error = $"{what} not found in configMap {name}";
                    return null;
                }

                return text;
            }

            default:
                error = $"unsupported {what} kind:{kind}";
                return null;
        }
    }
}
