using System.Collections.Generic;
using EnvoyGateway.Sdk.Translation.Status;

namespace EnvoyGateway.Sdk.Translation.Features;

/// <summary>
/// Errors collected while building a policy's features, each <c>"&lt;Prefix&gt;: &lt;detail&gt;"</c> in Envoy Gateway's
/// order of feature building. The engine joins them with a newline and normalizes the text once.
/// </summary>
internal sealed class FeatureErrors
{
    private readonly List<string> errors = new();

    public IReadOnlyList<string> Items => errors;

    public bool Any => errors.Count > 0;

    /// <summary>Adds <c>"&lt;prefix&gt;: &lt;detail&gt;"</c>.</summary>
    public void Add(string prefix, string detail) => errors.Add(prefix + ": " + detail);

    /// <summary>Adds a message that carries its own prefix (or none, as some Envoy Gateway errors do).</summary>
    public void AddRaw(string message) => errors.Add(message);

    /// <summary>The condition message: errors joined with a newline, first letter upper-cased, final period added.</summary>
    public string ToConditionMessage() => StatusMessages.NormalizeError(string.Join('\n', errors));
}
