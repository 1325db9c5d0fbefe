using System.Collections.Generic;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>Everything one managed Gateway becomes before any proto is built (Envoy Gateway's per-Gateway xDS IR).</summary>
internal sealed class GatewayIr
{
    public GatewayIr(GatewayNode gateway) => Gateway = gateway;

    public GatewayNode Gateway { get; }

    /// <summary><c>&lt;namespace&gt;/&lt;name&gt;</c>, the key of the CLI output.</summary>
    public string Key => $"{Gateway.Namespace}/{Gateway.Name}";

    public List<HttpListenerIr> HttpListeners { get; } = new();

    public List<TcpListenerIr> TcpListeners { get; } = new();

    public List<UdpListenerIr> UdpListeners { get; } = new();

    /// <summary>Listener certificates, by secret name (<c>ns/name</c>), in first-use order.</summary>
    public List<SecretIr> Secrets { get; } = new();

    /// <summary>Problems found while building the IR (invalid backends, missing secrets); reported as warnings.</summary>
    public List<string> Warnings { get; } = new();
}

/// <summary>What every IR listener has: its source listener, address, ports and the ClientTrafficPolicy settings that apply.</summary>
internal abstract class ListenerIrBase
{
    protected ListenerIrBase(ListenerNode source, int containerPort)
    {
        Source = source;
        Port = containerPort;
    }

    public ListenerNode Source { get; }

    /// <summary>The IR listener name <c>gwNs/gw/listener</c>.</summary>
    public string Name => Source.IrName;

    /// <summary>The Gateway listener port.</summary>
    public int ExternalPort => Source.Port;

    /// <summary>The port Envoy binds (privileged ports shifted by 10000, as Envoy Gateway runs Envoy unprivileged).</summary>
    public int Port { get; }

    public static string Address => "0.0.0.0";

    /// <summary>The effective ClientTrafficPolicy settings (null without a policy or when it failed to build).</summary>
    public ClientTrafficSettings? ClientTraffic { get; set; }
}

/// <summary>An HTTP or HTTPS listener: hostnames, TLS certificates and its routes (one per route rule match and hostname).</summary>
internal sealed class HttpListenerIr : ListenerIrBase
{
    public HttpListenerIr(ListenerNode source, int containerPort)
        : base(source, containerPort)
    {
    }

    /// <summary>The listener hostname, or <c>*</c>.</summary>
    public IReadOnlyList<string> Hostnames => Source.Hostname is { } h ? [h] : ["*"];

    /// <summary>Certificates when the listener terminates TLS (HTTPS), else null.</summary>
    public TlsIr? Tls { get; set; }

    public List<HttpRouteIr> Routes { get; } = new();
}

/// <summary>A TCP or TLS listener: one filter chain per route.</summary>
internal sealed class TcpListenerIr : ListenerIrBase
{
    public TcpListenerIr(ListenerNode source, int containerPort)
        : base(source, containerPort)
    {
    }

    public List<TcpRouteIr> Routes { get; } = new();
}

/// <summary>A UDP listener with its (single) route.</summary>
internal sealed class UdpListenerIr : ListenerIrBase
{
    public UdpListenerIr(ListenerNode source, int containerPort)
        : base(source, containerPort)
    {
    }

    public UdpRouteIr? Route { get; set; }
}

/// <summary>Downstream TLS: the certificate secrets a listener serves.</summary>
internal sealed record TlsIr(IReadOnlyList<string> CertificateSecretNames);

/// <summary>A TLS certificate and key from a <c>kubernetes.io/tls</c> Secret.</summary>
internal sealed record SecretIr(string Name, byte[] CertificateChain, byte[] PrivateKey);
