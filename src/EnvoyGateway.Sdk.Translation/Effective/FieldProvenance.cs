namespace EnvoyGateway.Sdk.Translation;

/// <summary>Where one effective field came from.</summary>
/// <param name="Path">The field's JSON path in the policy, e.g. <c>spec.circuitBreaker.maxConnections</c>.</param>
/// <param name="Policy">The policy that set the value.</param>
/// <param name="Level">The level that policy is attached at.</param>
/// <param name="ViaMerge">True when the value reached the effective policy through a merge (<c>mergeType</c>).</param>
public sealed record FieldProvenance(string Path, PolicyRef Policy, AttachmentLevel Level, bool ViaMerge)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path} from {Policy} ({Level}{(ViaMerge ? ", merged" : string.Empty)})";
}
