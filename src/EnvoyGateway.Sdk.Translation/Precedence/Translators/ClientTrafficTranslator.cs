using System.Collections.Generic;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>ClientTrafficPolicy feature building per listener, for the ClientTrafficPolicy engine.</summary>
internal sealed class ClientTrafficTranslator(ResourceGraph graph) : IListenerPolicyTranslator
{
    public (IReadOnlyList<string> Errors, bool Http3Disabled) Translate(object model, string ownerNamespace, ListenerNode listener)
    {
        var target = new ClientTrafficListener(listener.IrName, listener.Name, listener.Protocol, listener.Port, listener.TerminatesTls,
            listener.Hostname is { } host ? new[] { host } : null);
        var result = ClientTrafficFeatures.Build((ClientTrafficPolicy)model, target, graph);
        return (result.Errors.Items, result.Http3DisabledForClientValidation);
    }
}
