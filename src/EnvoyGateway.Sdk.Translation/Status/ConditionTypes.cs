namespace EnvoyGateway.Sdk.Translation.Status;

/// <summary>Condition types, reasons and fixed messages of policy statuses.</summary>
public static class ConditionTypes
{
    /// <summary>Whether the policy was accepted for the ancestor.</summary>
    public const string Accepted = "Accepted";

    /// <summary>A more specific policy replaces this one for some scopes.</summary>
    public const string Overridden = "Overridden";

    /// <summary>Route policies were merged into this one, or this one into a parent.</summary>
    public const string Merged = "Merged";

    /// <summary>Non-fatal problems such as deprecated fields.</summary>
    public const string Warning = "Warning";

    /// <summary>The ancestor list was truncated.</summary>
    public const string Aggregated = "Aggregated";
}

/// <summary>Condition reasons used by the precedence engine.</summary>
public static class ConditionReasons
{
    /// <summary>The policy was accepted.</summary>
    public const string Accepted = "Accepted";

    /// <summary>Another policy of the same kind already claimed the target.</summary>
    public const string Conflicted = "Conflicted";

    /// <summary>The targeted listener, ListenerSet listener or route rule does not exist.</summary>
    public const string TargetNotFound = "TargetNotFound";

    /// <summary>The policy could not be translated.</summary>
    public const string Invalid = "Invalid";

    /// <summary>See <see cref="ConditionTypes.Overridden"/>.</summary>
    public const string Overridden = "Overridden";

    /// <summary>See <see cref="ConditionTypes.Merged"/>.</summary>
    public const string Merged = "Merged";

    /// <summary>A deprecated field is in use.</summary>
    public const string DeprecatedField = "DeprecatedField";

    /// <summary>Several warnings with different reasons were combined.</summary>
    public const string Warnings = "Warnings";

    /// <summary>See <see cref="ConditionTypes.Aggregated"/>.</summary>
    public const string Aggregated = "Aggregated";
}
