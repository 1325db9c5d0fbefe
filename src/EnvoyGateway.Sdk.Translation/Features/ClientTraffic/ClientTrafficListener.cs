using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>
/// The listener a ClientTrafficPolicy is translated for (Envoy Gateway translates CTP once per IR listener).
/// </summary>
/// <param name="IrName">IR listener name: <c>&lt;gwNs&gt;/&lt;gw&gt;/&lt;listener&gt;</c> or <c>&lt;gwNs&gt;/&lt;gw&gt;/&lt;lsNs&gt;/&lt;ls&gt;/&lt;listener&gt;</c>.</param>
/// <param name="Name">The Gateway API listener name (used in the HTTP/3 warning).</param>
/// <param name="Protocol"><c>HTTP</c>, <c>HTTPS</c>, <c>TLS</c>, <c>TCP</c> or <c>UDP</c>.</param>
/// <param name="Port">The listener port.</param>
/// <param name="TerminatesTls">True when the IR listener carries a TLS config (HTTPS, or TLS in Terminate mode).</param>
/// <param name="Hostnames">The IR listener hostnames (the listener hostname, or <c>*</c> when it has none); null means <c>["*"]</c>.</param>
internal sealed record ClientTrafficListener(
    string IrName,
    string Name,
    string Protocol,
    int Port,
    bool TerminatesTls,
    IReadOnlyList<string>? Hostnames = null)
{
    /// <summary>True for listeners Envoy Gateway builds as IR HTTP listeners (HTTP, HTTPS).</summary>
    public bool IsHttp => Protocol is "HTTP" or "HTTPS";

    /// <summary>True for listeners Envoy Gateway builds as IR TCP listeners (TLS, TCP).</summary>
    public bool IsTcp => Protocol is "TLS" or "TCP";

    /// <summary>The hostnames, defaulting to <c>*</c>.</summary>
    public IReadOnlyList<string> EffectiveHostnames => Hostnames is { Count: > 0 } ? Hostnames : new[] { "*" };
}
