using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>
/// Validates a PEM CA bundle the way Envoy Gateway does for client validation: every CERTIFICATE block is parsed;
/// expired and not-yet-valid certificates are dropped with an error each; when none is left the bundle is rejected
/// with <c>no valid certificates exist in &lt;ref name&gt;: &lt;errors joined by newline&gt;</c>.
/// </summary>
internal static partial class CertificateBundle
{
    /// <summary>Returns the valid certificates re-encoded as PEM, or null with <paramref name="error"/> set.</summary>
    public static string? Validate(string pem, string refName, DateTimeOffset now, out string? error)
    {
        error = null;
        var errors = new List<string>();
        var valid = new StringBuilder();
        var sawBlock = false;
        foreach (Match block in PemBlock().Matches(pem))
        {
            if (!string.Equals(block.Groups["type"].Value, "CERTIFICATE", StringComparison.Ordinal))
            {
                continue;
            }

            sawBlock = true;
            byte[] der;
            try
            {
                der = Convert.FromBase64String(WhiteSpace().Replace(block.Groups["body"].Value, string.Empty));
            }
            catch (FormatException)
            {
                // Go's pem.Decode does not recognize a block with a bad body.
                continue;
            }

            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadCertificate(der);
            }
            catch (CryptographicException)
            {
                errors.Add("x509: malformed certificate");
                continue;
            }

            using (certificate)
            {
                var commonName = CommonName(certificate);
                var notAfter = certificate.NotAfter.ToUniversalTime();
                var notBefore = certificate.NotBefore.ToUniversalTime();
                if (now.UtcDateTime > notAfter)
                {
                    errors.Add($"certificate {commonName} has expired since {GoFormat.UtcTime(notAfter)}");
                    continue;
                }

                if (now.UtcDateTime < notBefore)
                {
                    errors.Add($"certificate {commonName} is not yet valid until {GoFormat.UtcTime(notBefore)}");
                    continue;
                }

                valid.Append(block.Value).Append('\n');
            }
        }

        if (valid.Length > 0)
        {
            return valid.ToString();
        }

        if (!sawBlock && errors.Count == 0)
        {
            errors.Add("pem decode failed");
        }

        error = $"no valid certificates exist in {refName}: {string.Join('\n', errors)}";
        return null;
    }

    /// <summary>Go's <c>Subject.CommonName</c>: the last CN attribute, or empty.</summary>
    private static string CommonName(X509Certificate2 certificate)
    {
        var name = string.Empty;
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == "2.5.4.3")
            {
                name = rdn.GetSingleElementValue() ?? string.Empty;
            }
        }

        return name;
    }

    [GeneratedRegex(@"-----BEGIN (?<type>[^-\r\n]*)-----(?<body>[^-]*)-----END \k<type>-----", RegexOptions.CultureInvariant)]
    private static partial Regex PemBlock();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
