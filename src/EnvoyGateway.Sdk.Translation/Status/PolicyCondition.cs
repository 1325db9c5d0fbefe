namespace EnvoyGateway.Sdk.Translation.Status;

/// <summary>One condition of a policy ancestor status, as Envoy Gateway writes it.</summary>
/// <param name="Type">Condition type: <c>Accepted</c>, <c>Overridden</c>, <c>Merged</c>, <c>Warning</c> or <c>Aggregated</c>.</param>
/// <param name="Status"><c>True</c> or <c>False</c>.</param>
/// <param name="Reason">Machine-readable reason, e.g. <c>Accepted</c>, <c>Conflicted</c>, <c>Invalid</c>, <c>TargetNotFound</c>.</param>
/// <param name="Message">Human-readable message, exactly as Envoy Gateway words it.</param>
/// <param name="ObservedGeneration">The policy's <c>metadata.generation</c>, or <see langword="null"/> when unset.</param>
public sealed record PolicyCondition(string Type, string Status, string Reason, string Message, long? ObservedGeneration = null)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Type}={Status} ({Reason}): {Message}";
}
