using System.Text.Json;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Sdk.Testing;

/// <summary>The wording of failure messages: where a value or an effective policy came from.</summary>
internal static class Explanations
{
    /// <summary>A value as JSON: <c>"3s"</c>, <c>5</c>, <c>true</c>.</summary>
    public static string Value(JsonElement value) => value.GetRawText();

    /// <summary><c>BackendTrafficPolicy apps/blog-replace at Route (replacing everything above it)</c>.</summary>
    public static string Effective<T>(EffectivePolicy<T> effective)
        where T : class =>
        $"{effective.Winner} at {effective.Level} ({(effective.MergedInto is null ? "replacing everything above it" : $"merged into {effective.MergedInto}")})"
        + (effective.Accepted ? string.Empty : ", not accepted");

    /// <summary><c>set by X at Route (...)</c>, or <c>inherited from X at Gateway through the merge of Y</c>.</summary>
    public static string Origin<T>(FieldProvenance provenance, EffectivePolicy<T> effective)
        where T : class =>
        provenance.Policy == effective.Winner
            ? $"set by {Effective(effective)}"
            : $"inherited from {provenance.Policy} at {provenance.Level} (through the merge of {effective.Winner} at {effective.Level})";
}
