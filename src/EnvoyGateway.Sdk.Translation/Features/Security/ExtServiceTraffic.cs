using System;
using System.Text.Json;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>
/// The <c>backendSettings</c> of an external service (ext auth, remote JWKS, OIDC provider): Envoy Gateway's
/// <c>ClusterSettings</c>, the same fields as a BackendTrafficPolicy's cluster part, built by the same builders.
/// </summary>
/// <param name="Field">Where the settings are under <c>spec</c>, e.g. <c>extAuth.grpc.backendSettings</c> (for warnings).</param>
/// <param name="Settings">The settings as read, in BackendTrafficPolicy shape (fields the IR does not carry are checked here).</param>
/// <param name="Traffic">The built IR pieces (retry, timeout, circuit breaker, load balancer, health check...).</param>
internal sealed record ExtServiceTrafficIr(string Field, BackendTrafficPolicySpec Settings, BackendTrafficFeatureSet Traffic);

/// <summary><c>translateTrafficFeatures</c> for an external service's <c>backendSettings</c>.</summary>
internal static class ExtServiceTraffic
{
    /// <summary>
    /// The IR of <paramref name="backendSettings"/> (any of the generated <c>…BackendSettings</c> models) found at
    /// <c>spec.</c><paramref name="field"/>, null when unset; <paramref name="error"/> gets the first invalid setting with
    /// its full JSON path: <c>spec.&lt;field&gt;.&lt;path&gt; &lt;rule&gt;</c> for a null item or missing required
    /// field, else <c>spec.&lt;field&gt;: &lt;Feature&gt;: &lt;detail&gt;</c>.
    /// </summary>
    public static ExtServiceTrafficIr? Build(object? backendSettings, string field, IFeatureContext context, out string? error)
    {
        error = null;
        if (backendSettings is null)
        {
            return null;
        }

        // The generated models differ per location but share the ClusterSettings schema with the BackendTrafficPolicy spec.
        var json = JsonSerializer.SerializeToElement(backendSettings, backendSettings.GetType(), ResourceSerializer.JsonOptions);
        var settings = json.Deserialize<BackendTrafficPolicySpec>(ResourceSerializer.JsonOptions) ?? new BackendTrafficPolicySpec();
        var traffic = BackendTrafficFeatures.BuildAll(new BackendTrafficPolicy { Spec = settings }, context, null, BackendTrafficOptions.Default) with { Policy = field };
        if (traffic.Errors.Any)
        {
            // Envoy Gateway stops at the first setting that does not build.
            error = Locate(traffic.Errors.Items[0], field);
            return null;
        }

        return new ExtServiceTrafficIr(field, settings, traffic);
    }

    // "<Feature>: spec.<path> <rule>" from a builder that names a path (relative to the settings, which it reads as a
    // policy spec) becomes "spec.<field>.<path> <rule>"; any other error gets the settings' path in front.
    private static string Locate(string error, string field)
    {
        const string PathStart = ": spec.";
        var at = error.IndexOf(PathStart, StringComparison.Ordinal);
        return at >= 0 ? "spec." + field + "." + error[(at + PathStart.Length)..] : "spec." + field + ": " + error;
    }
}
