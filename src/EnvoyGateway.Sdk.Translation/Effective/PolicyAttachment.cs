namespace EnvoyGateway.Sdk.Translation;

/// <summary>What a policy attached along a scope's chain ended up doing for that scope.</summary>
public enum AttachmentRole
{
    /// <summary>The policy applies: it is the most specific one of its kind (possibly merged with a parent).</summary>
    Applies,

    /// <summary>A more specific policy asked to be merged into this one (<c>mergeType</c>); its fields fill the gaps.</summary>
    MergedInto,

    /// <summary>A more specific policy of the same kind replaces this one.</summary>
    Overridden,

    /// <summary>Another policy of the same kind claimed the same target first; this one does not apply there.</summary>
    Conflicted,
}

/// <summary>One policy that targets a level of a route rule's or listener's chain, and its role there.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Level">The level its target sits at.</param>
/// <param name="Target">The target as Envoy Gateway's messages write it: <c>ns/route</c>, <c>ns/route/rule</c>, <c>ns/gateway</c>, <c>ns/gateway/listener</c>.</param>
/// <param name="Role">What the policy does for the scope.</param>
/// <param name="By">The policy that overrides it, conflicts with it or is merged into it; null when it applies.</param>
public sealed record PolicyAttachment(PolicyRef Policy, AttachmentLevel Level, string Target, AttachmentRole Role, PolicyRef? By)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Policy} at {Level} {Target}: {Role}{(By is null ? string.Empty : $" ({By})")}";
}
