using System.Linq;
using Envoy.Config.Common.MutationRules.V3;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Http.GrpcWeb.V3;
using HealthCheck = Envoy.Extensions.Filters.Http.HealthCheck.V3.HealthCheck;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Http.OriginalIpDetection.CustomHeader.V3;
using Envoy.Extensions.Http.OriginalIpDetection.Xff.V3;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;
using EnvoyGateway.Sdk.Translation.Xds;
using NUnit.Framework;
using EarlyHeaderMutation = Envoy.Extensions.Http.EarlyHeaderMutation.HeaderMutation.V3.HeaderMutation;
using FilterHeaderMutation = Envoy.Extensions.Filters.Http.HeaderMutation.V3.HeaderMutation;
using Hcm = Envoy.Extensions.Filters.Network.HttpConnectionManager.V3.HttpConnectionManager;

namespace EnvoyGateway.Sdk.Xds.Tests.ClientTraffic;

/// <summary>ClientTrafficPolicy settings on the HTTP connection manager and its filters.</summary>
public class HcmSettingsTests
{
    private static readonly string HttpGateway = Inputs.Gateway("eg", "- name: http\n  protocol: HTTP\n  port: 80");

    private static GatewayXdsResources Translate(string spec) => Inputs.TranslateOne(Inputs.GatewayClass, HttpGateway,
        CtpInputs.Route("web", "a"), Inputs.Service("a", 80, "10.0.0.1"), CtpInputs.Policy("policy", spec));

    private static Hcm HttpHcm(GatewayXdsResources xds) => CtpInputs.Hcm(xds, "default/eg/http");

    [Test]
    public void Without_a_policy_the_hcm_has_envoy_gateway_defaults()
    {
        var hcm = HttpHcm(Inputs.TranslateOne(Inputs.GatewayClass, HttpGateway, CtpInputs.Route("web", "a"), Inputs.Service("a", 80, "10.0.0.1")));

        Assert.That(hcm.UseRemoteAddress, Is.True);
        Assert.That(hcm.OriginalIpDetectionExtensions, Is.Empty);
        Assert.That((hcm.MergeSlashes, hcm.PathWithEscapedSlashesAction), Is.EqualTo((true, Hcm.Types.PathWithEscapedSlashesAction.UnescapeAndRedirect)));
        Assert.That(hcm.GenerateRequestId, Is.Null);
        Assert.That(hcm.HttpProtocolOptions, Is.Null);
        Assert.That((hcm.Http2ProtocolOptions.MaxConcurrentStreams, hcm.Http2ProtocolOptions.InitialStreamWindowSize, hcm.Http2ProtocolOptions.InitialConnectionWindowSize),
            Is.EqualTo(((uint?)100, (uint?)65536, (uint?)1048576)));
        Assert.That(hcm.Http2ProtocolOptions.OverrideStreamErrorOnInvalidHttpMessage, Is.Null);
        Assert.That(hcm.HttpFilters.Single().TypedConfig.Unpack<Router>().SuppressEnvoyHeaders, Is.True);
        Assert.That(hcm.SchemeHeaderTransformation, Is.Null);
    }

    [Test]
    public void Xff_trusted_hops_count_from_the_second_address_and_turn_off_remote_address()
    {
        var hcm = HttpHcm(Translate("  clientIPDetection:\n    xForwardedFor:\n      numTrustedHops: 2"));

        Assert.That(hcm.UseRemoteAddress, Is.False);
        var extension = hcm.OriginalIpDetectionExtensions.Single();
        Assert.That(extension.Name, Is.EqualTo("envoy.extensions.http.original_ip_detection.xff"));
        Assert.That(extension.TypedConfig.Unpack<XffConfig>().XffNumTrustedHops, Is.EqualTo(1));
    }

    [Test]
    public void Xff_trusted_cidrs_are_reported_as_an_api_gap()
    {
        var xds = Translate("  clientIPDetection:\n    xForwardedFor:\n      trustedCIDRs:\n      - 10.0.0.0/8");

        Assert.That(HttpHcm(xds).OriginalIpDetectionExtensions.Single().TypedConfig.Unpack<XffConfig>().XffNumTrustedHops, Is.Zero);
        Assert.That(xds.Warnings, Has.One.Contains("clientIPDetection.xForwardedFor.trustedCIDRs").And.Contains("XffConfig.xff_trusted_cidrs"));
    }

    [Test]
    public void Custom_header_without_fail_closed_has_no_reject_status()
    {
        var hcm = HttpHcm(Translate("  clientIPDetection:\n    customHeader:\n      name: x-client-ip"));

        var config = hcm.OriginalIpDetectionExtensions.Single().TypedConfig.Unpack<CustomHeaderConfig>();
        Assert.That((config.HeaderName, config.AllowExtensionToSetAddressAsTrusted, config.RejectWithStatus), Is.EqualTo(("x-client-ip", true, (global::Envoy.Type.V3.HttpStatus?)null)));
        Assert.That(hcm.UseRemoteAddress, Is.False);
    }

    [TestCase("KeepUnchanged", true, Hcm.Types.PathWithEscapedSlashesAction.KeepUnchanged)]
    [TestCase("UnescapeAndForward", false, Hcm.Types.PathWithEscapedSlashesAction.UnescapeAndForward)]
    public void Path_settings_set_merge_slashes_and_escaped_slashes(string action, bool disableMerge, Hcm.Types.PathWithEscapedSlashesAction expected)
    {
        var hcm = HttpHcm(Translate($"  path:\n    escapedSlashesAction: {action}\n    disableMergeSlashes: {(disableMerge ? "true" : "false")}"));

        Assert.That((hcm.MergeSlashes, hcm.PathWithEscapedSlashesAction, hcm.NormalizePath), Is.EqualTo((!disableMerge, expected, (bool?)true)));
    }

    [TestCase("PreserveOrGenerate", true, true)]
    [TestCase("Preserve", false, true)]
    [TestCase("Generate", true, false)]
    [TestCase("Disable", false, false)]
    public void Request_id_modes_map_to_generate_and_preserve(string mode, bool generate, bool preserve)
    {
        var hcm = HttpHcm(Translate($"  headers:\n    requestID: {mode}"));

        Assert.That((hcm.GenerateRequestId, hcm.PreserveExternalRequestId), Is.EqualTo(((bool?)generate, preserve)));
    }

    [Test]
    public void Header_settings_reach_the_hcm_and_the_router()
    {
        var hcm = HttpHcm(Translate("""
              headers:
                withUnderscoresAction: DropHeader
                enableEnvoyHeaders: true
                host:
                  stripTrailingHostDot: true
                maxRequestHeaderLimit: 3000
                xForwardedClientCert:
                  mode: SanitizeSet
                  certDetailsToAdd:
                  - Subject
                  - URI
            """));

        Assert.That(hcm.CommonHttpProtocolOptions.HeadersWithUnderscoresAction, Is.EqualTo(HttpProtocolOptions.Types.HeadersWithUnderscoresAction.DropHeader));
        Assert.That(hcm.HttpFilters.Single(f => f.Name == "envoy.filters.http.router").TypedConfig.Unpack<Router>().SuppressEnvoyHeaders, Is.False);
        Assert.That(hcm.StripTrailingHostDot, Is.True);
        Assert.That(hcm.MaxRequestHeadersKb, Is.EqualTo(3), "bytes round up to KiB");
        Assert.That(hcm.ForwardClientCertDetails, Is.EqualTo(Hcm.Types.ForwardClientCertDetails.SanitizeSet));
        var details = hcm.SetCurrentClientCertDetails;
        Assert.That((details.Subject, details.Uri, details.Cert, details.Chain, details.Dns), Is.EqualTo(((bool?)true, true, false, false, false)));
    }

    [Test]
    public void Xfcc_forward_only_sets_no_cert_details()
    {
        var hcm = HttpHcm(Translate("  headers:\n    xForwardedClientCert:\n      mode: ForwardOnly"));

        Assert.That((hcm.ForwardClientCertDetails, hcm.SetCurrentClientCertDetails), Is.EqualTo((Hcm.Types.ForwardClientCertDetails.ForwardOnly, (Hcm.Types.SetCurrentClientCertDetails?)null)));
    }

    [Test]
    public void Early_request_headers_become_the_early_header_mutation_extension()
    {
        var xds = Translate("""
              headers:
                earlyRequestHeaders:
                  set:
                  - name: x-set
                    value: one
                  add:
                  - name: x-add
                    value: two
                  addIfAbsent:
                  - name: x-default
                    value: ""
                  remove:
                  - x-drop
                  removeOnMatch:
                  - name:
                      type: Prefix
                      value: x-internal-
            """);

        var extension = HttpHcm(xds).EarlyHeaderMutationExtensions.Single();
        Assert.That(extension.Name, Is.EqualTo("envoy.http.early_header_mutation.header_mutation"));
        var rules = extension.TypedConfig.Unpack<EarlyHeaderMutation>().Mutations;
        Assert.That(rules.Take(3).Select(r => (r.Append.Header.Key, r.Append.Header.Value, r.Append.AppendAction, r.Append.KeepEmptyValue)), Is.EqualTo(new[]
        {
            ("x-add", "two", HeaderValueOption.Types.HeaderAppendAction.AppendIfExistsOrAdd, false),
            ("x-set", "one", HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd, false),
            ("x-default", string.Empty, HeaderValueOption.Types.HeaderAppendAction.AddIfAbsent, true),
        }));
        Assert.That(rules[3].Remove, Is.EqualTo("x-drop"));
        Assert.That(rules, Has.Count.EqualTo(4));
        Assert.That(xds.Warnings, Has.One.Contains("headers.earlyRequestHeaders.removeOnMatch").And.Contains("HeaderMutation.remove_on_match"));
    }

    [Test]
    public void Late_response_headers_become_a_header_mutation_filter_before_the_router()
    {
        var hcm = HttpHcm(Translate("  headers:\n    lateResponseHeaders:\n      set:\n      - name: x-served-by\n        value: eg\n      remove:\n      - server"));

        Assert.That(hcm.HttpFilters.Select(f => f.Name), Is.EqualTo(new[] { "envoy.filters.http.header_mutation", "envoy.filters.http.router" }));
        var responses = hcm.HttpFilters[0].TypedConfig.Unpack<FilterHeaderMutation>().Mutations.ResponseMutations;
        Assert.That(responses.Select(r => r.ActionCase), Is.EqualTo(new[] { HeaderMutation.ActionOneofCase.Append, HeaderMutation.ActionOneofCase.Remove }));
        Assert.That((responses[0].Append.Header.Key, responses[0].Append.AppendAction, responses[1].Remove),
            Is.EqualTo(("x-served-by", HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd, "server")));
    }

    [Test]
    public void Http1_options_reach_the_hcm_and_the_route_cluster()
    {
        var xds = Translate("  http1:\n    enableTrailers: true\n    preserveHeaderCase: true\n    http10: {}");

        var options = HttpHcm(xds).HttpProtocolOptions;
        Assert.That((options.EnableTrailers, options.AcceptHttp10, options.DefaultHostForHttp10), Is.EqualTo((true, true, string.Empty)));
        Assert.That(options.HeaderKeyFormat.StatefulFormatter.Name, Is.EqualTo("preserve_case"));
        var cluster = xds.Clusters.Single();
        var upstream = cluster.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<UpstreamHttpProtocolOptions>();
        Assert.That(upstream.ExplicitHttpConfig.HttpProtocolOptions, Is.EqualTo(options));
    }

    [Test]
    public void Http1_ignored_upgrade_types_are_reported_and_nothing_else_is_set()
    {
        var xds = Translate("  http1:\n    ignoredUpgradeTypes:\n    - type: Exact\n      value: h2c");

        Assert.That(HttpHcm(xds).HttpProtocolOptions, Is.Null);
        Assert.That(xds.Clusters.Single().TypedExtensionProtocolOptions, Is.Empty);
        Assert.That(xds.Warnings, Has.One.Contains("Http1ProtocolOptions.ignore_http_11_upgrade"));
    }

    [Test]
    public void Http2_settings_replace_the_defaults_they_name()
    {
        var options = HttpHcm(Translate("""
              http2:
                maxConcurrentStreams: 50
                onInvalidMessage: TerminateStream
                connectionKeepalive:
                  interval: 30s
                  timeout: 5s
            """)).Http2ProtocolOptions;

        Assert.That((options.MaxConcurrentStreams, options.InitialStreamWindowSize, options.InitialConnectionWindowSize, options.OverrideStreamErrorOnInvalidHttpMessage),
            Is.EqualTo(((uint?)50, (uint?)65536, (uint?)1048576, (bool?)true)));
        Assert.That((options.ConnectionKeepalive.Interval.Seconds, options.ConnectionKeepalive.Timeout.Seconds), Is.EqualTo((30L, 5L)));
    }

    [Test]
    public void Health_check_and_grpc_web_filters_take_their_rank()
    {
        var hcm = HttpHcm(Translate("  healthCheck:\n    path: /healthz\n  grpc:\n    enableWeb: true"));

        Assert.That(hcm.HttpFilters.Select(f => f.Name), Is.EqualTo(new[] { "envoy.filters.http.health_check", "envoy.filters.http.grpc_web", "envoy.filters.http.router" }));
        var health = hcm.HttpFilters[0].TypedConfig.Unpack<HealthCheck>();
        Assert.That((health.PassThroughMode, health.Headers.Single().Name, health.Headers.Single().StringMatch.Exact), Is.EqualTo(((bool?)false, ":path", "/healthz")));
        Assert.That(hcm.HttpFilters[1].TypedConfig.Is(GrpcWeb.Descriptor), Is.True);
    }

    [Test]
    public void Scheme_match_backend_transforms_the_scheme_header_and_preserve_does_not()
    {
        Assert.That(HttpHcm(Translate("  scheme: MatchBackend")).SchemeHeaderTransformation.MatchUpstream, Is.True);
        Assert.That(HttpHcm(Translate("  scheme: Preserve")).SchemeHeaderTransformation, Is.Null);
    }
}
