using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;
using EarlyHeaderMutation = Envoy.Extensions.Http.EarlyHeaderMutation.HeaderMutation.V3.HeaderMutation;
using Hcm = Envoy.Extensions.Filters.Network.HttpConnectionManager.V3.HttpConnectionManager;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// ClientTrafficPolicy <c>headers</c> on the HCM (envoy-mapping.md §2): <c>withUnderscoresAction</c>, <c>requestID</c> /
/// <c>preserveXRequestID</c> (generate / preserve request IDs), <c>xForwardedClientCert</c> (forward mode and the cert
/// details to set), <c>host.stripTrailingHostDot</c>, <c>maxRequestHeaderLimit</c>, <c>enableEnvoyHeaders</c> (router
/// <c>suppress_envoy_headers</c>) and <c>earlyRequestHeaders</c> (the early header mutation extension).
/// <c>removeOnMatch</c> is reported: the compiled API has no <c>HeaderMutation.remove_on_match</c>.
/// </summary>
internal sealed class HeaderSettingsFeature : IListenerFeature, IIrFeature
{
    public const string EarlyHeaderMutationExtension = "envoy.http.early_header_mutation.header_mutation";

    public string Name => "ctp.headers";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var listener in gateway.HttpListeners)
        {
            if (listener.ClientTraffic?.Headers?.EarlyRemoveOnMatch == true)
            {
                ClientTrafficGaps.Warn(gateway, listener, HeaderMutationRules.RemoveOnMatchMessage, "remove_on_match", "headers.earlyRequestHeaders.removeOnMatch");
            }
        }
    }

    public void PatchHttpConnectionManager(HttpListenerIr listener, Hcm hcm)
    {
        if (listener.ClientTraffic?.Headers is not { } headers)
        {
            return;
        }

        (hcm.CommonHttpProtocolOptions ??= new HttpProtocolOptions()).HeadersWithUnderscoresAction = headers.WithUnderscoresAction switch
        {
            "Allow" => HttpProtocolOptions.Types.HeadersWithUnderscoresAction.Allow,
            "DropHeader" => HttpProtocolOptions.Types.HeadersWithUnderscoresAction.DropHeader,
            _ => HttpProtocolOptions.Types.HeadersWithUnderscoresAction.RejectRequest,
        };
        RequestId(headers.RequestId, hcm);
        ForwardClientCert(headers, hcm);
        hcm.StripTrailingHostDot = headers.StripTrailingHostDot;
        if (headers.MaxRequestHeadersKb is { } kb)
        {
            hcm.MaxRequestHeadersKb = kb;
        }

        if (headers.EnableEnvoyHeaders)
        {
            EnableEnvoyHeaders(hcm);
        }

        if (headers.EarlyAddRequestHeaders.Count > 0 || headers.EarlyRemoveRequestHeaders.Count > 0)
        {
            var mutation = new EarlyHeaderMutation();
            mutation.Mutations.AddRange(HeaderMutationRules.Build(headers.EarlyAddRequestHeaders, headers.EarlyRemoveRequestHeaders));
            hcm.EarlyHeaderMutationExtensions.Add(new TypedExtensionConfig { Name = EarlyHeaderMutationExtension, TypedConfig = Any.Pack(mutation) });
        }
    }

    // PreserveOrGenerate: both; Preserve: keep only; Generate: generate only; Disable: neither.
    private static void RequestId(string? requestId, Hcm hcm)
    {
        switch (requestId)
        {
            case "PreserveOrGenerate":
                hcm.GenerateRequestId = true;
                hcm.PreserveExternalRequestId = true;
                break;
            case "Preserve":
                hcm.GenerateRequestId = false;
                hcm.PreserveExternalRequestId = true;
                break;
            case "Generate":
                hcm.GenerateRequestId = true;
                hcm.PreserveExternalRequestId = false;
                break;
            case "Disable":
                hcm.GenerateRequestId = false;
                hcm.PreserveExternalRequestId = false;
                break;
        }
    }

    private static void ForwardClientCert(HeaderSettings headers, Hcm hcm)
    {
        if (headers.XfccMode is not { } mode)
        {
            return;
        }

        hcm.ForwardClientCertDetails = mode switch
        {
            "ForwardOnly" => Hcm.Types.ForwardClientCertDetails.ForwardOnly,
            "AppendForward" => Hcm.Types.ForwardClientCertDetails.AppendForward,
            "SanitizeSet" => Hcm.Types.ForwardClientCertDetails.SanitizeSet,
            "AlwaysForwardOnly" => Hcm.Types.ForwardClientCertDetails.AlwaysForwardOnly,
            _ => Hcm.Types.ForwardClientCertDetails.Sanitize,
        };
        if (headers.XfccCertDetails.Count == 0)
        {
            return;
        }

        var details = new Hcm.Types.SetCurrentClientCertDetails();
        foreach (var detail in headers.XfccCertDetails)
        {
            switch (detail)
            {
                case "Cert": details.Cert = true; break;
                case "Chain": details.Chain = true; break;
                case "DNS": details.Dns = true; break;
                case "Subject": details.Subject = true; break;
                case "URI": details.Uri = true; break;
            }
        }

        hcm.SetCurrentClientCertDetails = details;
    }

    // The router is built with suppress_envoy_headers; enableEnvoyHeaders turns it off.
    private static void EnableEnvoyHeaders(Hcm hcm)
    {
        foreach (var filter in hcm.HttpFilters.Where(f => f.Name == XdsNames.RouterFilter && f.TypedConfig?.Is(Router.Descriptor) == true))
        {
            var router = filter.TypedConfig.Unpack<Router>();
            router.SuppressEnvoyHeaders = false;
            filter.TypedConfig = Any.Pack(router);
        }
    }
}
