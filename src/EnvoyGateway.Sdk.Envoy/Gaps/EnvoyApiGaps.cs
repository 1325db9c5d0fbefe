using System;
using System.Collections.Immutable;
using System.Linq;
using Google.Protobuf.WellKnownTypes;
using Xds.Type.V3;

namespace EnvoyGateway.Sdk.Envoy;

/// <summary>
/// What Envoy Gateway v1.9 emits that the Envoy API compiled here (npm <c>@grpc/grpc-js-xds</c> 1.14.1) lacks,
/// and the one strategy the translator uses for each kind of gap.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>A missing <b>extension config message</b> (the payload of a <c>typed_config</c>) is emitted as an
/// <c>xds.type.v3.TypedStruct</c> carrying the real type URL and the config as a <c>Struct</c>
/// (<see cref="PackAsTypedStruct"/>). Envoy converts a TypedStruct into the named type when it loads the extension,
/// so the output stays usable; the translator also reports a warning naming the message.</description></item>
/// <item><description>A missing <b>field</b> of a message that exists is not emitted; the translator reports a warning
/// naming <c>message.field</c> and the policy field that asked for it. Nothing is dropped silently.</description></item>
/// <item><description>A missing message used <b>inside</b> another message (not behind an <c>Any</c>) cannot be
/// expressed: it is handled like a missing field.</description></item>
/// </list>
/// A test checks every entry against the compiled descriptors, so the catalogue shrinks when the protos catch up.
/// </remarks>
public static class EnvoyApiGaps
{
    /// <summary>Every known gap, messages first, each in proto name order.</summary>
    public static ImmutableArray<EnvoyApiGap> All { get; } = Build();

    /// <summary>Finds the catalogue entry for a missing message or field.</summary>
    /// <param name="message">Full proto message name.</param>
    /// <param name="field">Proto field name, or <see langword="null"/> for the whole message.</param>
    /// <returns>The entry, or <see langword="null"/> when that message or field is not a known gap.</returns>
    public static EnvoyApiGap? Find(string message, string? field = null) =>
        All.FirstOrDefault(g => g.Message == message && g.Field == field);

    /// <summary>
    /// Packs an extension config whose message is missing from the compiled API as a <c>TypedStruct</c> inside an <c>Any</c>.
    /// </summary>
    /// <param name="messageFullName">The real message type, e.g. <c>envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth</c>.</param>
    /// <param name="config">The config in proto3 JSON shape (camelCase field names).</param>
    /// <returns>An <c>Any</c> of type <c>xds.type.v3.TypedStruct</c> that Envoy accepts in place of the real message.</returns>
    public static Any PackAsTypedStruct(string messageFullName, Struct config)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageFullName);
        ArgumentNullException.ThrowIfNull(config);
        return Any.Pack(new TypedStruct { TypeUrl = "type.googleapis.com/" + messageFullName, Value = config });
    }

    private static ImmutableArray<EnvoyApiGap> Build()
    {
        const string Route = "envoy.config.route.v3.";
        const string OAuth2 = "envoy.extensions.filters.http.oauth2.v3.";
        var messages = new (string Message, string Feature)[]
        {
            ("envoy.config.route.v3.RateLimit.Action.QueryParameters", "BackendTrafficPolicy rateLimit queryParameters selector"),
            ("envoy.extensions.clusters.dns.v3.DnsCluster", "BackendTrafficPolicy dns (FQDN backend clusters)"),
            ("envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth", "SecurityPolicy apiKeyAuth"),
            ("envoy.extensions.filters.http.oauth2.v3.OAuth2PerRoute", "SecurityPolicy oidc per-route config"),
            ("envoy.extensions.load_balancing_policies.override_host.v3.OverrideHost", "BackendTrafficPolicy loadBalancer endpointOverride"),
            ("envoy.extensions.matching.common_inputs.network.v3.DynamicMetadataInput", "SecurityPolicy authorization JWT principals"),
            ("envoy.extensions.matching.input_matchers.metadata.v3.Metadata", "SecurityPolicy authorization JWT principals"),
            ("envoy.type.matcher.v3.HttpResponseLocalReplyMatchInput", "BackendTrafficPolicy responseOverride for local replies"),
        };
        var fields = new (string Message, string Field, string Feature)[]
        {
            (Route + "RateLimit", "apply_on_stream_done", "BackendTrafficPolicy rateLimit cost.response"),
            (Route + "RateLimit", "hits_addend", "BackendTrafficPolicy rateLimit cost.request"),
            (Route + "RateLimit", "x_ratelimit_option", "BackendTrafficPolicy rateLimit response headers"),
            (Route + "RateLimit.Action", "remote_address_match", "BackendTrafficPolicy rateLimit sourceCIDR selector"),
            (Route + "Tracing", "operation", "route tracing span name"),
            (Route + "Tracing", "upstream_operation", "route tracing upstream span name"),
            (Route + "WeightedCluster", "use_hash_policy", "BackendTrafficPolicy consistent hash with weighted backends"),
            ("envoy.config.common.mutation_rules.v3.HeaderMutation", "remove_on_match", "ClientTrafficPolicy headers removal by match"),
            ("envoy.config.core.v3.Http1ProtocolOptions", "ignore_http_11_upgrade", "BackendTrafficPolicy/ClientTrafficPolicy http upgrade"),
            ("envoy.extensions.common.ratelimit.v3.LocalRateLimitDescriptor", "shadow_mode", "BackendTrafficPolicy rateLimit shadowMode"),
            ("envoy.extensions.filters.http.ext_authz.v3.HttpService", "path_override", "SecurityPolicy extAuth http path"),
            ("envoy.extensions.filters.http.ext_authz.v3.HttpService", "retry_policy", "SecurityPolicy extAuth retry"),
            ("envoy.extensions.filters.http.geoip.v3.Geoip", "custom_header_config", "SecurityPolicy authorization clientIP geo"),
            ("envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit", "max_dynamic_descriptors", "BackendTrafficPolicy local rateLimit"),
            ("envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit", "rate_limits", "BackendTrafficPolicy local rateLimit rules"),
            ("envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector", "enable_ja4_fingerprinting", "ClientTrafficPolicy tls fingerprints"),
            ("envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager", "http1_safe_max_connection_duration", "ClientTrafficPolicy connection maxConnectionDuration"),
            ("envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.Tracing", "operation", "tracing span name"),
            ("envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.Tracing", "upstream_operation", "tracing upstream span name"),
            (OAuth2 + "OAuth2Config", "cookie_configs", "SecurityPolicy oidc cookieConfig"),
            (OAuth2 + "OAuth2Config", "csrf_token_expires_in", "SecurityPolicy oidc csrfTokenTTL"),
            (OAuth2 + "OAuth2Config", "disable_token_encryption", "SecurityPolicy oidc disableTokenEncryption"),
            (OAuth2 + "OAuth2Config", "end_session_endpoint", "SecurityPolicy oidc logout"),
            (OAuth2 + "OAuth2Config", "forward_id_token", "SecurityPolicy oidc forwardIDToken"),
            (OAuth2 + "OAuth2Config", "retry_policy", "SecurityPolicy oidc provider retry"),
            (OAuth2 + "OAuth2Config", "stat_prefix", "SecurityPolicy oidc stats"),
            (OAuth2 + "OAuth2Credentials", "cookie_domain", "SecurityPolicy oidc cookieDomain"),
            (OAuth2 + "OAuth2Credentials.CookieNames", "oauth_nonce", "SecurityPolicy oidc cookieNames.nonce"),
            ("envoy.extensions.geoip_providers.common.v3.CommonGeoipProviderConfig", "geo_field_keys", "SecurityPolicy authorization geo"),
            ("envoy.extensions.http.original_ip_detection.xff.v3.XffConfig", "skip_xff_append", "ClientTrafficPolicy clientIPDetection xForwardedFor"),
            ("envoy.extensions.http.original_ip_detection.xff.v3.XffConfig", "xff_trusted_cidrs", "ClientTrafficPolicy clientIPDetection xForwardedFor.trustedCIDRs"),
            ("envoy.extensions.load_balancing_policies.client_side_weighted_round_robin.v3.ClientSideWeightedRoundRobin", "metric_names_for_computing_utilization", "BackendTrafficPolicy loadBalancer backendUtilization"),
            ("envoy.extensions.load_balancing_policies.client_side_weighted_round_robin.v3.ClientSideWeightedRoundRobin", "oob_reporting_config", "BackendTrafficPolicy loadBalancer backendUtilization"),
            ("envoy.extensions.load_balancing_policies.client_side_weighted_round_robin.v3.ClientSideWeightedRoundRobin", "slow_start_config", "BackendTrafficPolicy loadBalancer slowStart"),
            ("envoy.extensions.load_balancing_policies.common.v3.LocalityLbConfig.ZoneAwareLbConfig", "force_local_zone", "BackendTrafficPolicy loadBalancer zoneAware.preferLocal.force"),
            ("envoy.extensions.upstreams.http.v3.HttpProtocolOptions", "hash_policy", "BackendTrafficPolicy consistent hash"),
            ("envoy.type.tracing.v3.CustomTag", "value", "tracing custom tag literal"),
            ("xds.type.v3.CelExpression", "cel_expr_parsed", "CEL matchers"),
        };
        return messages.Select(m => new EnvoyApiGap(m.Message, null, m.Feature))
            .OrderBy(g => g.Message, StringComparer.Ordinal)
            .Concat(fields.Select(f => new EnvoyApiGap(f.Message, f.Field, f.Feature))
                .OrderBy(g => g.Message, StringComparer.Ordinal).ThenBy(g => g.Field, StringComparer.Ordinal))
            .ToImmutableArray();
    }
}
