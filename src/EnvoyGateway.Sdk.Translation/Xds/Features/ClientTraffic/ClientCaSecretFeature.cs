using System.Linq;
using System.Text;
using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>tls.clientValidation</c> → the SDS Secret <c>&lt;ns&gt;/&lt;policy&gt;/ca.crt</c> its filter chains
/// reference (envoy-mapping.md §2, §5): <c>validation_context.trusted_ca</c> = the valid CA certificates,
/// <c>crl</c> and <c>only_verify_leaf_cert_crl</c> when a CRL is given. One secret per policy, however many listeners use it.
/// </summary>
internal sealed class ClientCaSecretFeature : IGatewayResourcesFeature
{
    public string Name => "ctp.tls.clientValidation.secret";

    public void AddResources(GatewayIr gateway, GatewayResourceLists resources)
    {
        var terminating = gateway.HttpListeners.Where(l => l.Tls is not null).Cast<ListenerIrBase>()
            .Concat(gateway.TcpListeners.Where(l => l.Routes.Any(r => r.TerminateTls is not null)));
        foreach (var listener in terminating)
        {
            if (listener.ClientTraffic?.Tls?.ClientValidation is { CaCertificatePem: { } ca } validation
                && resources.Secrets.All(s => s.Name != validation.CaSecretName))
            {
                resources.Secrets.Add(Secret(validation, ca));
            }
        }
    }

    private static Secret Secret(ClientValidationSettings validation, string ca)
    {
        var context = new CertificateValidationContext { TrustedCa = Inline(ca) };
        if (validation.CrlPem is { } crl)
        {
            context.Crl = Inline(crl);
            context.OnlyVerifyLeafCertCrl = validation.OnlyVerifyLeafCertificateCrl;
        }

        return new Secret { Name = validation.CaSecretName, ValidationContext = context };
    }

    private static DataSource Inline(string pem) => new() { InlineBytes = ByteString.CopyFrom(Encoding.UTF8.GetBytes(pem)) };
}
