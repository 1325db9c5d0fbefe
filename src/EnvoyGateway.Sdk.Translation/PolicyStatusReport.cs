using System.Collections.Immutable;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation;

/// <summary>The status Envoy Gateway would give one policy.</summary>
/// <param name="Kind"><c>BackendTrafficPolicy</c>, <c>ClientTrafficPolicy</c> or <c>SecurityPolicy</c>.</param>
/// <param name="Namespace">The policy's namespace.</param>
/// <param name="Name">The policy's name.</param>
/// <param name="Resource">The policy object as read.</param>
/// <param name="Ancestors">The <c>status.ancestors</c> entries, in Envoy Gateway's order (empty when it writes none).</param>
public sealed record PolicyStatusReport(string Kind, string Namespace, string Name, object Resource, ImmutableArray<PolicyAncestorStatus> Ancestors)
{
    /// <summary>The entry for one ancestor, or null.</summary>
    /// <param name="ancestor">The Gateway/ListenerSet (and section) reference.</param>
    /// <returns>The entry, when present.</returns>
    public PolicyAncestorStatus? For(PolicyAncestorRef ancestor)
    {
        foreach (var entry in Ancestors)
        {
            if (entry.AncestorRef == ancestor)
            {
                return entry;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Namespace}/{Name} ({Ancestors.Length} ancestors)";
}
