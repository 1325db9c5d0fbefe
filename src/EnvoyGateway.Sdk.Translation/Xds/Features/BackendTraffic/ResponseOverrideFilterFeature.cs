using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.CustomResponse.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Http.CustomResponse.LocalResponsePolicy.V3;
using Envoy.Extensions.Http.CustomResponse.RedirectPolicy.V3;
using Envoy.Type.Matcher.V3;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;
using Google.Protobuf.WellKnownTypes;
using Xds.Type.Matcher.V3;
using FieldMatcher = Xds.Type.Matcher.V3.Matcher.Types.MatcherList.Types.FieldMatcher;
using Predicate = Xds.Type.Matcher.V3.Matcher.Types.MatcherList.Types.Predicate;
using XdsStringMatcher = Xds.Type.Matcher.V3.StringMatcher;
using XdsTypedExtensionConfig = Xds.Core.V3.TypedExtensionConfig;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>responseOverride</c> (envoy-mapping.md §1, pattern B of §6): a disabled
/// <c>envoy.filters.http.custom_response/backendtrafficpolicy/&lt;ns&gt;/&lt;name&gt;</c> whose matcher has one entry per
/// rule (status codes ORed, headers and source ANDed) with a local response (body, status, Content-Type) or redirect
/// action named <c>…/responseoverride/rule/&lt;i&gt;</c>; each route of the policy enables it with an empty
/// <c>FilterConfig</c>. Status ranges need CEL's <c>cel_expr_parsed</c> and are not emitted; the local-reply source
/// input is packed as a TypedStruct.
/// </summary>
internal sealed class ResponseOverrideFilterFeature : IHttpFilterFeature, IIrFeature
{
    public const string FilterPrefix = "envoy.filters.http.custom_response/";
    private const string LocalReplyInput = "envoy.type.matcher.v3.HttpResponseLocalReplyMatchInput";

    public string Name => "btp.responseOverride";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var traffic in BackendTrafficGaps.PolicySets(gateway))
        {
            var rules = traffic.ResponseOverride?.Rules ?? [];
            if (rules.Any(r => r.StatusCodes.Any(c => c.Value is null)))
            {
                BackendTrafficGaps.MissingField(gateway, traffic, "xds.type.v3.CelExpression", "cel_expr_parsed", "responseOverride[].match.statusCodes (type Range)");
            }

            if (rules.Any(r => r.Source is not null))
            {
                BackendTrafficGaps.MissingMessage(gateway, traffic, LocalReplyInput, "responseOverride[].match.source");
            }
        }
    }

    public IEnumerable<HttpFilter> HttpFilters(IReadOnlyList<HttpListenerIr> listeners, IReadOnlyList<HttpRouteIr> routes)
    {
        var seen = new HashSet<string>();
        foreach (var route in routes)
        {
            if (route.Traffic?.ResponseOverride is { } overrides && seen.Add(overrides.Name))
            {
                yield return new HttpFilter { Name = FilterPrefix + overrides.Name, Disabled = true, TypedConfig = Any.Pack(Filter(overrides)) };
            }
        }
    }

    public void PatchRoute(HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.ResponseOverride is { } overrides)
        {
            xdsRoute.TypedPerFilterConfig[FilterPrefix + overrides.Name] = Any.Pack(new FilterConfig { Config = new Any() });
        }
    }

    private static CustomResponse Filter(ResponseOverrideIr overrides)
    {
        var list = new Matcher.Types.MatcherList();
        foreach (var rule in overrides.Rules)
        {
            if (Predicate(rule) is not { } predicate)
            {
                continue;
            }

            list.Matchers.Add(new FieldMatcher
            {
                Predicate = predicate,
                OnMatch = new Matcher.Types.OnMatch { Action = new XdsTypedExtensionConfig { Name = rule.Name, TypedConfig = Action(rule) } },
            });
        }

        return new CustomResponse { CustomResponseMatcher = new Matcher { MatcherList = list } };
    }

    private static Predicate? Predicate(ResponseOverrideRuleIr rule)
    {
        var all = new List<Predicate>();
        var codes = rule.StatusCodes.Where(c => c.Value is not null)
            .Select(c => Single("http-response-status-code-match-input", Any.Pack(new HttpResponseStatusCodeMatchInput()),
                new XdsStringMatcher { Exact = c.Value!.Value.ToString(CultureInfo.InvariantCulture) }))
            .ToList();
        if (codes.Count == 1)
        {
            all.Add(codes[0]);
        }
        else if (codes.Count > 1)
        {
            all.Add(new Predicate { OrMatcher = new Predicate.Types.PredicateList { Predicate = { codes } } });
        }

        foreach (var header in rule.ResponseHeaders)
        {
            var value = header.Type switch
            {
                "RegularExpression" => new XdsStringMatcher { SafeRegex = new global::Xds.Type.Matcher.V3.RegexMatcher { Regex = header.Value } },
                _ => new XdsStringMatcher { Exact = header.Value },
            };
            all.Add(Single("http-response-header-match-input", Any.Pack(new HttpResponseHeaderMatchInput { HeaderName = header.Name }), value));
        }

        if (rule.Source is { } source)
        {
            var input = EnvoyApiGaps.PackAsTypedStruct(LocalReplyInput, new Struct());
            all.Add(Single("http-response-local-reply-match-input", input, new XdsStringMatcher { Exact = source == "Local" ? "true" : "false" }));
        }

        return all.Count switch
        {
            0 => null,
            1 => all[0],
            _ => new Predicate { AndMatcher = new Predicate.Types.PredicateList { Predicate = { all } } },
        };
    }

    private static Predicate Single(string name, Any input, XdsStringMatcher value) => new()
    {
        SinglePredicate = new Predicate.Types.SinglePredicate { Input = new XdsTypedExtensionConfig { Name = name, TypedConfig = input }, ValueMatch = value },
    };

    private static Any Action(ResponseOverrideRuleIr rule)
    {
        if (rule.IsRedirect)
        {
            var redirect = new RedirectAction();
            if (rule.Redirect?.Scheme is { } scheme)
            {
                redirect.SchemeRedirect = scheme.ToLowerInvariant();
            }

            if (rule.Redirect?.Hostname is { } host)
            {
                redirect.HostRedirect = host;
            }

            if (rule.Redirect?.Port is { } port)
            {
                redirect.PortRedirect = (uint)port;
            }

            if (rule.Redirect is { PathType: "ReplacePrefixMatch", PathValue: { } prefix })
            {
                redirect.PrefixRewrite = prefix;
            }
            else if (rule.Redirect?.PathValue is { } path)
            {
                redirect.PathRedirect = path;
            }

            var policy = new RedirectPolicy { RedirectAction = redirect };
            if (rule.StatusCode is { } redirectStatus)
            {
                policy.StatusCode = (uint)redirectStatus;
            }

            return Any.Pack(policy);
        }

        var local = new LocalResponsePolicy();
        if (rule.Body is { } body)
        {
            // Envoy Gateway emits the deprecated text_format (not text_format_source); keep its output.
#pragma warning disable CS0612
            local.BodyFormat = new SubstitutionFormatString { TextFormat = body };
#pragma warning restore CS0612
        }

        if (rule.StatusCode is { } status)
        {
            local.StatusCode = (uint)status;
        }

        if (rule.ContentType is { } contentType)
        {
            local.ResponseHeadersToAdd.Add(new HeaderValueOption
            {
                Header = new HeaderValue { Key = "Content-Type", Value = contentType },
                AppendAction = HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd,
            });
        }

        return Any.Pack(local);
    }
}
