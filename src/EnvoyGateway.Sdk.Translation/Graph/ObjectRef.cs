using System;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>Identity of a namespaced object: group, kind, namespace and name.</summary>
internal readonly record struct ObjectKey(string Group, string Kind, string Namespace, string Name)
{
    public const string GatewayApiGroup = "gateway.networking.k8s.io";

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}

/// <summary>Creation time and input position: Envoy Gateway's provider order (timestamp, namespace, name).</summary>
internal readonly record struct InputOrder(DateTime? CreationTimestamp, int Index);
