using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>A listener certificate as an SDS Secret named <c>&lt;ns&gt;/&lt;name&gt;</c>.</summary>
internal static class SecretTranslator
{
    public static Secret Translate(SecretIr secret) => new()
    {
        Name = secret.Name,
        TlsCertificate = new TlsCertificate
        {
            CertificateChain = new DataSource { InlineBytes = ByteString.CopyFrom(secret.CertificateChain) },
            PrivateKey = new DataSource { InlineBytes = ByteString.CopyFrom(secret.PrivateKey) },
        },
    };
}
