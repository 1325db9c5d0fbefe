using System.Collections.Generic;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Xds;

namespace EnvoyGateway.Cli.Output;

/// <summary>The xDS output: <c>{"&lt;ns&gt;/&lt;gateway&gt;": ConfigDump}</c> in proto3 canonical JSON, Gateways in name order.</summary>
internal static class XdsDocument
{
    public static JsonObject Create(IEnumerable<GatewayXdsResources> gateways)
    {
        var document = new JsonObject();
        foreach (var gateway in gateways)
        {
            document[gateway.Gateway] = JsonNode.Parse(EnvoyJson.Format(gateway.ToConfigDump()));
        }

        return document;
    }
}
