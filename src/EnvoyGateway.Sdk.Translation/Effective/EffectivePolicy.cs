using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Translation;

/// <summary>
/// The policy that applies to one route rule on one listener (BackendTrafficPolicy, SecurityPolicy) or to one listener
/// (ClientTrafficPolicy): the most specific attached policy, merged with its parent when it asks to, and where every
/// effective field came from.
/// </summary>
/// <typeparam name="TPolicy">The typed policy model.</typeparam>
public sealed class EffectivePolicy<TPolicy>
    where TPolicy : class
{
    internal EffectivePolicy(TPolicy policy, JsonElement json, PolicyRef winner, AttachmentLevel level, PolicyRef? mergedInto, bool accepted,
        ImmutableSortedDictionary<string, FieldProvenance> fields)
    {
        Policy = policy;
        Json = json;
        Winner = winner;
        Level = level;
        MergedInto = mergedInto;
        Accepted = accepted;
        Fields = fields;
    }

    /// <summary>The effective policy (the merged object when a merge happened).</summary>
    public TPolicy Policy { get; }

    /// <summary>The effective policy as JSON.</summary>
    public JsonElement Json { get; }

    /// <summary>The most specific policy attached to the scope.</summary>
    public PolicyRef Winner { get; }

    /// <summary>The level <see cref="Winner"/> is attached at.</summary>
    public AttachmentLevel Level { get; }

    /// <summary>The broader policy <see cref="Winner"/> was merged into, or null when it replaces everything above it.</summary>
    public PolicyRef? MergedInto { get; }

    /// <summary>False when Envoy Gateway reports the winner (or the merge) as not accepted for this scope.</summary>
    public bool Accepted { get; }

    /// <summary>Every leaf field under <c>spec</c> with its provenance, by JSON path.</summary>
    public ImmutableSortedDictionary<string, FieldProvenance> Fields { get; }

    /// <summary>The provenance of a field, or null when the effective policy does not set it.</summary>
    /// <param name="path">A JSON path such as <c>spec.timeout.http.requestTimeout</c> (a parent path finds its first leaf).</param>
    /// <returns>The provenance.</returns>
    public FieldProvenance? ProvenanceOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Fields.TryGetValue(path, out var exact))
        {
            return exact;
        }

        return Fields.FirstOrDefault(f => f.Key.StartsWith(path + ".", StringComparison.Ordinal) || f.Key.StartsWith(path + "[", StringComparison.Ordinal)).Value;
    }

    /// <summary>The effective value at a JSON path, or null when unset.</summary>
    /// <param name="path">A JSON path such as <c>spec.circuitBreaker.maxConnections</c> or <c>spec.compressor[0].type</c>.</param>
    /// <returns>The value as JSON.</returns>
    public JsonElement? ValueOf(string path) => JsonPaths.Find(Json, path);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Winner} at {Level}{(MergedInto is null ? string.Empty : $", merged into {MergedInto}")}{(Accepted ? string.Empty : " (not accepted)")}";
}
