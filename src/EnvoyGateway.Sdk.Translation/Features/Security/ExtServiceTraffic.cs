using System.Text.Json;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>
/// The <c>backendSettings</c> of an external service (ext auth, remote JWKS, OIDC provider): Envoy Gateway's
/// <c>ClusterSettings</c>, the same fields as a BackendTrafficPolicy's cluster part, built by the same builders.
/// </summary>
/// <param name="Field">Where the settings are in the policy, e.g. <c>extAuth.grpc.backendSettings</c> (for messages).</param>
/// <param name="Settings">The settings as read, in BackendTrafficPolicy shape (fields the IR does not carry are checked here).</param>
/// <param name="Traffic">The built IR pieces (retry, timeout, circuit breaker, load balancer, health check...).</param>
internal sealed record ExtServiceTrafficIr(string Field, BackendTrafficPolicySpec Settings, BackendTrafficFeatureSet Traffic);

/// <summary><c>translateTrafficFeatures</c> for an external service's <c>backendSettings</c>.</summary>
internal static class ExtServiceTraffic
{
    /// <summary>
    /// The IR of <paramref name="backendSettings"/> (any of the generated <c>…BackendSettings</c> models), null when
    /// unset; <paramref name="error"/> gets the first invalid setting, as <c>&lt;field&gt;: &lt;Feature&gt;: &lt;detail&gt;</c>.
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
            error = field + ": " + traffic.Errors.Items[0];
            return null;
        }

        return new ExtServiceTrafficIr(field, settings, traffic);
    }
}
