using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Rbac.V3;
using Envoy.Extensions.Matching.CommonInputs.Network.V3;
using Envoy.Extensions.Matching.InputMatchers.Ip.V3;
using Envoy.Type.Matcher.V3;
using EnvoyGateway.Sdk.Envoy;
using EnvoyGateway.Sdk.Translation.Features.Security;
using Google.Protobuf.WellKnownTypes;
using Xds.Type.Matcher.V3;
using RbacAction = Envoy.Config.Rbac.V3.Action;
using RegexMatcher = Xds.Type.Matcher.V3.RegexMatcher;
using TypedExtensionConfig = Xds.Core.V3.TypedExtensionConfig;
using Predicate = Xds.Type.Matcher.V3.Matcher.Types.MatcherList.Types.Predicate;
using XdsStringMatcher = Xds.Type.Matcher.V3.StringMatcher;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.Security;

/// <summary>
/// SecurityPolicy <c>authorization</c> as an xDS matcher (envoy-mapping.md §3): one field matcher per rule, its
/// predicates ANDed — client CIDRs (<c>client_ip</c> + <c>ip_matcher</c>), methods (ORed, on <c>:method</c>), path (on
/// <c>:path</c>, <c>invert</c> negates), headers (values ORed), JWT scopes and claims (on the JWT payload metadata) —
/// acting ALLOW or DENY under the rule's name; <c>on_no_match</c> is the default action named <c>default</c>.
/// </summary>
internal static class RbacMatchers
{
    public const string DynamicMetadataInputMessage = "envoy.extensions.matching.common_inputs.network.v3.DynamicMetadataInput";
    public const string MetadataMatcherMessage = "envoy.extensions.matching.input_matchers.metadata.v3.Metadata";
    private const string JwtFilter = "envoy.filters.http.jwt_authn";

    /// <summary>The matcher of <paramref name="authorization"/>; <paramref name="warnings"/> get what could not be expressed.</summary>
    public static Matcher Build(AuthorizationIr authorization, bool http, ICollection<string> warnings)
    {
        var matcher = new Matcher();
        var list = new Matcher.Types.MatcherList();
        foreach (var rule in authorization.Rules)
        {
            if (Predicate(rule, http, warnings) is { } predicate)
            {
                list.Matchers.Add(new Matcher.Types.MatcherList.Types.FieldMatcher { Predicate = predicate, OnMatch = Action(rule.Name, rule.Action) });
            }
        }

        if (list.Matchers.Count > 0)
        {
            matcher.MatcherList = list;
        }

        matcher.OnNoMatch = Action("default", authorization.DefaultAction);
        return matcher;
    }

    private static Matcher.Types.OnMatch Action(string name, string action)
    {
        var allow = action == "Allow";
        return new Matcher.Types.OnMatch
        {
            Action = new TypedExtensionConfig
            {
                Name = name,
                TypedConfig = Any.Pack(new RbacAction { Name = allow ? "ALLOW" : "DENY", Action_ = allow ? RBAC.Types.Action.Allow : RBAC.Types.Action.Deny }),
            },
        };
    }

    private static Predicate? Predicate(AuthorizationRuleIr rule, bool http, ICollection<string> warnings)
    {
        var predicates = new List<Predicate>();
        if (rule.ClientCidrs.Count > 0)
        {
            var ip = new Ip { StatPrefix = "client_ip" };
            ip.CidrRanges.AddRange(rule.ClientCidrs.Select(c => new CidrRange { AddressPrefix = c.Ip, PrefixLen = (uint)c.MaskLen }));
            predicates.Add(Single(new TypedExtensionConfig { Name = "client_ip", TypedConfig = Any.Pack(new SourceIPInput()) },
                new TypedExtensionConfig { Name = "ip_matcher", TypedConfig = Any.Pack(ip) }));
        }

        if (http)
        {
            if (rule.Methods is { Count: > 0 } methods)
            {
                predicates.Add(Or(methods.Select(m => Header(":method", new XdsStringMatcher { Exact = m }))));
            }

            if (rule.Path is { } path && PathMatch(path.Type?.Value ?? "PathPrefix", path.Value ?? "/") is { } pathMatch)
            {
                var predicate = Header(":path", pathMatch);
                predicates.Add(path.Invert == true ? new Predicate { NotMatcher = predicate } : predicate);
            }

            foreach (var header in rule.Headers ?? [])
            {
                predicates.Add(Or((header.Values ?? []).Select(v => Header(header.Name, new XdsStringMatcher { Exact = v }))));
            }

            if (rule.Jwt is { } jwt)
            {
                warnings.Add($"rule {rule.Name}: JWT principals use {DynamicMetadataInputMessage} and {MetadataMatcherMessage}");
                foreach (var scope in jwt.Scopes ?? [])
                {
                    predicates.Add(Jwt("scope", [jwt.Provider, "scope"], ListValue(scope)));
                }

                foreach (var claim in jwt.Claims ?? [])
                {
                    var claimPath = new List<string> { jwt.Provider };
                    claimPath.AddRange(claim.Name.Split('.'));
                    var stringArray = claim.ValueType?.Value == "StringArray";
                    predicates.Add(Or(claim.Values.Select(v => Jwt("claim", claimPath, stringArray ? ListValue(v) : StringValue(v)))));
                }
            }
        }

        if (!string.IsNullOrEmpty(rule.Cel))
        {
            warnings.Add($"rule {rule.Name}: cel needs xds.type.v3.CelExpression.cel_expr_parsed (a parsed CEL expression); the rule is not emitted");
            return null;
        }

        if (rule.ClientIpGeoLocations is { Count: > 0 })
        {
            warnings.Add($"rule {rule.Name}: clientIPGeoLocations needs the geoip filter with an EnvoyProxy provider; the rule is not emitted");
            return null;
        }

        return predicates.Count switch
        {
            0 => null,
            1 => predicates[0],
            _ => new Predicate { AndMatcher = new Predicate.Types.PredicateList { Predicate = { predicates } } },
        };
    }

    private static Predicate Or(IEnumerable<Predicate> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : new Predicate { OrMatcher = new Predicate.Types.PredicateList { Predicate = { list } } };
    }

    private static Predicate Header(string name, XdsStringMatcher match) => new()
    {
        SinglePredicate = new Predicate.Types.SinglePredicate
        {
            Input = new TypedExtensionConfig { Name = "http_header", TypedConfig = Any.Pack(new HttpRequestHeaderMatchInput { HeaderName = name }) },
            ValueMatch = match,
        },
    };

    private static Predicate Single(TypedExtensionConfig input, TypedExtensionConfig custom) => new()
    {
        SinglePredicate = new Predicate.Types.SinglePredicate { Input = input, CustomMatch = custom },
    };

    // Gateway API style path matches as RE2, like Envoy Gateway; a prefix of "/" matches everything.
    private static XdsStringMatcher? PathMatch(string type, string value) => type switch
    {
        "PathPrefix" when value.TrimEnd('/').Length == 0 => new XdsStringMatcher { Prefix = "/" },
        "PathPrefix" => new XdsStringMatcher { SafeRegex = new RegexMatcher { GoogleRe2 = new RegexMatcher.Types.GoogleRE2(), Regex = "^" + Re2Quote(value.TrimEnd('/')) + "(/.*)?(\\?.*)?$" } },
        "Exact" => new XdsStringMatcher { SafeRegex = new RegexMatcher { GoogleRe2 = new RegexMatcher.Types.GoogleRE2(), Regex = "^" + Re2Quote(value) + "(\\?.*)?$" } },
        _ => new XdsStringMatcher { SafeRegex = new RegexMatcher { GoogleRe2 = new RegexMatcher.Types.GoogleRE2(), Regex = value } },
    };

    private static string Re2Quote(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if ("\\.+*?()|[]{}^$".Contains(c, System.StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // The JWT payload is in the jwt_authn filter's dynamic metadata under the provider name (payload_in_metadata).
    private static Predicate Jwt(string inputName, IReadOnlyList<string> path, Struct valueMatcher)
    {
        var input = new Struct { Fields = { ["filter"] = Value.ForString(JwtFilter), ["path"] = Value.ForList(path.Select(p => Value.ForStruct(new Struct { Fields = { ["key"] = Value.ForString(p) } })).ToArray()) } };
        return Single(
            new TypedExtensionConfig { Name = inputName, TypedConfig = EnvoyApiGaps.PackAsTypedStruct(DynamicMetadataInputMessage, input) },
            new TypedExtensionConfig { Name = inputName + "_matcher", TypedConfig = EnvoyApiGaps.PackAsTypedStruct(MetadataMatcherMessage, new Struct { Fields = { ["value"] = Value.ForStruct(valueMatcher) } }) });
    }

    private static Struct StringValue(string value) => new() { Fields = { ["stringMatch"] = Value.ForStruct(new Struct { Fields = { ["exact"] = Value.ForString(value) } }) } };

    private static Struct ListValue(string value) => new() { Fields = { ["listMatch"] = Value.ForStruct(new Struct { Fields = { ["oneOf"] = Value.ForStruct(StringValue(value)) } }) } };
}
