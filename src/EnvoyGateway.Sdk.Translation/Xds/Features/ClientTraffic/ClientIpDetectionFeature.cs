using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Http.OriginalIpDetection.CustomHeader.V3;
using Envoy.Extensions.Http.OriginalIpDetection.Xff.V3;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;
using HttpStatus = Envoy.Type.V3.HttpStatus;
using StatusCode = Envoy.Type.V3.StatusCode;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>clientIPDetection</c> → <c>HCM.original_ip_detection_extensions</c> (envoy-mapping.md §2): a
/// custom header extension (trusted, 403 when <c>failClosed</c>) or the XFF extension with <c>numTrustedHops − 1</c>;
/// either one turns <c>use_remote_address</c> off. <c>directSourceIP</c> keeps the default (remote address).
/// </summary>
internal sealed class ClientIpDetectionFeature : IListenerFeature, IIrFeature
{
    public const string CustomHeaderExtension = "envoy.extensions.http.original_ip_detection.custom_header";
    public const string XffExtension = "envoy.extensions.http.original_ip_detection.xff";
    private const string XffConfigMessage = "envoy.extensions.http.original_ip_detection.xff.v3.XffConfig";

    public string Name => "ctp.clientIPDetection";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var listener in gateway.HttpListeners)
        {
            if (listener.ClientTraffic?.ClientIPDetection is not { } detection)
            {
                continue;
            }

            if (detection.XffTrustedCidrs is { Count: > 0 })
            {
                ClientTrafficGaps.Warn(gateway, listener, XffConfigMessage, "xff_trusted_cidrs", "clientIPDetection.xForwardedFor.trustedCIDRs");
            }

            if (detection.SkipXffAppend)
            {
                ClientTrafficGaps.Warn(gateway, listener, XffConfigMessage, "skip_xff_append", "clientIPDetection.xForwardedFor.disableXForwardedForAppend");
            }
        }
    }

    public void PatchHttpConnectionManager(HttpListenerIr listener, HttpConnectionManager hcm)
    {
        if (listener.ClientTraffic?.ClientIPDetection is not { } detection || Extension(detection) is not { } extension)
        {
            return;
        }

        hcm.OriginalIpDetectionExtensions.Add(extension);
        hcm.UseRemoteAddress = false;
    }

    private static TypedExtensionConfig? Extension(ClientIPDetectionSettings detection)
    {
        if (detection.CustomHeaderName is { } header)
        {
            var config = new CustomHeaderConfig { HeaderName = header, AllowExtensionToSetAddressAsTrusted = true };
            if (detection.CustomHeaderFailClosed)
            {
                config.RejectWithStatus = new HttpStatus { Code = StatusCode.Forbidden };
            }

            return new TypedExtensionConfig { Name = CustomHeaderExtension, TypedConfig = Any.Pack(config) };
        }

        // XFF is configured when any of its fields is (the builder keeps no "present but empty" marker).
        if (detection.XffNumTrustedHops is null && detection.XffTrustedCidrs is null && !detection.SkipXffAppend)
        {
            return null;
        }

        // Envoy counts the trusted hops after the first address; Envoy Gateway's numTrustedHops includes it.
        var hops = detection.XffNumTrustedHops is { } n && n > 0 ? n - 1 : 0;
        return new TypedExtensionConfig { Name = XffExtension, TypedConfig = Any.Pack(new XffConfig { XffNumTrustedHops = hops }) };
    }
}
