using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>
/// The certificates of every TLS-terminating listener of a Gateway, its own and those of its ListenerSets, read from
/// <c>tls.certificateRefs</c> as secrets <c>ns/name</c> (each added to the Gateway's secrets once). A reference
/// defaults to the namespace of the object that declares the listener, and a cross-namespace one needs a
/// ReferenceGrant from that object's kind (Gateway or ListenerSet).
/// </summary>
internal static class ListenerCertificates
{
    public static Dictionary<ListenerNode, TlsIr> Read(ResourceGraph graph, GatewayNode gateway, GatewayIr ir)
    {
        var result = new Dictionary<ListenerNode, TlsIr>();
        AddOwner(graph, gateway.Model, "Gateway", gateway.Namespace, $"Gateway {gateway.Namespace}/{gateway.Name}", gateway.Listeners, ir, result);
        foreach (var set in gateway.ListenerSets)
        {
            AddOwner(graph, set.Model, "ListenerSet", set.Namespace, $"ListenerSet {set.Namespace}/{set.Name}", set.Listeners, ir, result);
        }

        return result;
    }

    private static void AddOwner(ResourceGraph graph, object model, string ownerKind, string ownerNamespace, string owner, IEnumerable<ListenerNode> listeners,
        GatewayIr ir, Dictionary<ListenerNode, TlsIr> result)
    {
        var specs = Json(model).Get("spec").Get("listeners").Items().ToList();
        foreach (var listener in listeners.Where(l => l.TerminatesTls))
        {
            JsonElement? spec = specs.FirstOrDefault(s => ((JsonElement?)s).Get("name").String() == listener.Name);
            var names = new List<string>();
            foreach (var certificateRef in spec.Get("tls").Get("certificateRefs").Items())
            {
                JsonElement? reference = certificateRef;
                var ns = reference.Get("namespace").String() ?? ownerNamespace;
                var name = reference.Get("name").String() ?? string.Empty;
                if ((reference.Get("kind").String() ?? "Secret") != "Secret"
                    || !graph.IsReferenceAllowed(ObjectKey.GatewayApiGroup, ownerKind, ownerNamespace, string.Empty, "Secret", ns, name)
                    || graph.FindSecret(ns, name) is not { } secret
                    || secret.Data is null || !secret.Data.TryGetValue("tls.crt", out var crt) || !secret.Data.TryGetValue("tls.key", out var key))
                {
                    var warning = $"{owner} listener {listener.Name}: certificate Secret {ns}/{name} is missing, not allowed or not a TLS Secret.";
                    if (!ir.Warnings.Contains(warning))
                    {
                        ir.Warnings.Add(warning);
                    }

                    continue;
                }

                // A key present but null or empty (only a file on disk can hold that) is no certificate either.
                if (EmptyKey(("tls.crt", crt), ("tls.key", key)) is { } emptyKey)
                {
                    var warning = $"{owner} listener {listener.Name}: certificate Secret {ns}/{name} has no value at data[\"{emptyKey}\"]; the certificate is skipped.";
                    if (!ir.Warnings.Contains(warning))
                    {
                        ir.Warnings.Add(warning);
                    }

                    continue;
                }

                var secretName = XdsNames.Secret(ns, name);
                names.Add(secretName);
                if (ir.Secrets.All(s => s.Name != secretName))
                {
                    ir.Secrets.Add(new SecretIr(secretName, crt, key));
                }
            }

            if (names.Count > 0)
            {
                result[listener] = new TlsIr(names);
            }
        }
    }

    private static string? EmptyKey(params (string Key, byte[]? Value)[] entries) =>
        entries.FirstOrDefault(e => e.Value is not { Length: > 0 }).Key;

    private static JsonElement? Json(object model) => JsonSerializer.SerializeToElement(model, model.GetType(), ResourceSerializer.JsonOptions);
}
