namespace EnvoyGateway.Sdk.Validation;

/// <summary>How one CEL rule evaluation ended.</summary>
internal enum CelOutcomeKind
{
    /// <summary>The rule returned true.</summary>
    Passed,

    /// <summary>The rule returned false.</summary>
    Failed,

    /// <summary>The rule failed on the data (no such key, index out of range, bad argument): the API server rejects the object.</summary>
    Error,

    /// <summary>The rule could not be evaluated by this engine (compile error, unsupported function, non-bool result).</summary>
    NotEvaluated,

    /// <summary>A transition rule (uses oldSelf): not evaluated on create, as by the API server.</summary>
    Skipped,
}

/// <summary>The outcome of a CEL evaluation, with the detail for errors.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">Why, for errors and rules that could not be evaluated.</param>
/// <param name="Value">The value produced (for message expressions).</param>
internal readonly record struct CelOutcome(CelOutcomeKind Kind, string? Detail = null, object? Value = null);
