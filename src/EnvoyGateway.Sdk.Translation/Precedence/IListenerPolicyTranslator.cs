using System.Collections.Generic;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Precedence;

/// <summary>The ClientTrafficPolicy feature builders, per listener.</summary>
internal interface IListenerPolicyTranslator
{
    /// <summary>Builds the policy for one listener.</summary>
    /// <returns>The raw (unnormalized) errors in build order, and whether HTTP/3 was turned off because of client validation.</returns>
    (IReadOnlyList<string> Errors, bool Http3Disabled) Translate(object model, string ownerNamespace, ListenerNode listener);
}
