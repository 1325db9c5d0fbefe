using System.Linq;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using EnvoyGateway.Sdk.Translation.Xds.Translators;
using Google.Protobuf.WellKnownTypes;
using RegexMatcher = Envoy.Type.Matcher.V3.RegexMatcher;
using StringMatcher = Envoy.Type.Matcher.V3.StringMatcher;
using TlsProtocol = Envoy.Extensions.TransportSockets.Tls.V3.TlsParameters.Types.TlsProtocol;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>tls</c> on every TLS-terminating filter chain (HTTPS and TLS-terminating TCP; envoy-mapping.md §2):
/// <c>tls_params</c> (versions, defaulting to 1.2..1.3 whenever a policy applies; ciphers, ECDH curves, signature
/// algorithms), ALPN, session resumption, and client validation: <c>require_client_certificate</c> and the CA secret
/// <c>&lt;ns&gt;/&lt;policy&gt;/ca.crt</c> over SDS, combined with a default validation context when SAN, hash, SPKI,
/// untrusted-chain or expired-certificate checks apply.
/// </summary>
internal sealed class ListenerTlsFeature : IListenerFeature
{
    public string Name => "ctp.tls";

    public void PatchFilterChain(ListenerIrBase listener, FilterChain chain)
    {
        if (listener.ClientTraffic?.Tls is not { } tls || chain.TransportSocket?.TypedConfig is not { } packed || !packed.Is(DownstreamTlsContext.Descriptor))
        {
            return;
        }

        var context = packed.Unpack<DownstreamTlsContext>();
        var common = context.CommonTlsContext ??= new CommonTlsContext();
        common.TlsParams = Parameters(tls);
        if (tls.AlpnProtocols is { } alpn)
        {
            common.AlpnProtocols.Clear();
            common.AlpnProtocols.AddRange(alpn);
        }

        context.DisableStatefulSessionResumption = !tls.StatefulSessionResumption;
        context.DisableStatelessSessionResumption = !tls.StatelessSessionResumption;
        if (tls.ClientValidation is { CaCertificatePem: not null } validation)
        {
            context.RequireClientCertificate = validation.RequireClientCertificate;
            var sds = ProtoDefaults.Sds(validation.CaSecretName);
            if (DefaultValidationContext(validation) is { } defaults)
            {
                common.CombinedValidationContext = new CommonTlsContext.Types.CombinedCertificateValidationContext
                {
                    DefaultValidationContext = defaults,
                    ValidationContextSdsSecretConfig = sds,
                };
            }
            else
            {
                common.ValidationContextSdsSecretConfig = sds;
            }
        }

        chain.TransportSocket.TypedConfig = Any.Pack(context);
    }

    private static TlsParameters Parameters(ListenerTlsSettings tls)
    {
        var parameters = new TlsParameters
        {
            TlsMinimumProtocolVersion = Version(tls.MinVersion),
            TlsMaximumProtocolVersion = Version(tls.MaxVersion),
        };
        parameters.CipherSuites.AddRange(tls.Ciphers ?? []);
        parameters.EcdhCurves.AddRange(tls.EcdhCurves ?? []);
        parameters.SignatureAlgorithms.AddRange(tls.SignatureAlgorithms ?? []);
        return parameters;
    }

    private static TlsProtocol Version(string version) => version switch
    {
        "1.0" => TlsProtocol.Tlsv10,
        "1.1" => TlsProtocol.Tlsv11,
        "1.2" => TlsProtocol.Tlsv12,
        "1.3" => TlsProtocol.Tlsv13,
        _ => TlsProtocol.TlsAuto,
    };

    /// <summary>The checks beyond the CA bundle, or null when there are none (then the SDS secret alone validates).</summary>
    private static CertificateValidationContext? DefaultValidationContext(ClientValidationSettings validation)
    {
        if (validation.SubjectAltNames.Count == 0 && validation.CertificateHashes.Count == 0 && validation.SpkiHashes.Count == 0
            && !validation.AcceptUntrusted && !validation.AllowExpiredCertificate)
        {
            return null;
        }

        var context = new CertificateValidationContext { AllowExpiredCertificate = validation.AllowExpiredCertificate };
        if (validation.AcceptUntrusted)
        {
            context.TrustChainVerification = CertificateValidationContext.Types.TrustChainVerification.AcceptUntrusted;
        }

        context.VerifyCertificateSpki.AddRange(validation.SpkiHashes);
        context.VerifyCertificateHash.AddRange(validation.CertificateHashes);
        context.MatchTypedSubjectAltNames.AddRange(validation.SubjectAltNames.Select(SanMatcher));
        return context;
    }

    private static SubjectAltNameMatcher SanMatcher(SubjectAltNameMatch san)
    {
        var matcher = new SubjectAltNameMatcher
        {
            SanType = san.SanType switch
            {
                "DNS" => SubjectAltNameMatcher.Types.SanType.Dns,
                "EMAIL" => SubjectAltNameMatcher.Types.SanType.Email,
                "IP_ADDRESS" => SubjectAltNameMatcher.Types.SanType.IpAddress,
                "URI" => SubjectAltNameMatcher.Types.SanType.Uri,
                _ => SubjectAltNameMatcher.Types.SanType.OtherName,
            },
            Matcher = san.MatchType switch
            {
                "Prefix" => new StringMatcher { Prefix = san.Value },
                "Suffix" => new StringMatcher { Suffix = san.Value },
                "RegularExpression" => new StringMatcher { SafeRegex = new RegexMatcher { Regex = san.Value } },
                _ => new StringMatcher { Exact = san.Value },
            },
        };
        if (san.Oid is { } oid)
        {
            matcher.Oid = oid;
        }

        return matcher;
    }
}
