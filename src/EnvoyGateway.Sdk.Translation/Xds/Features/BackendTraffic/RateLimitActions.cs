using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Common.Ratelimit.V3;
using Envoy.Type.Matcher.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// The route rate-limit actions of one rate-limit rule and the descriptor entries they produce (Envoy Gateway's
/// descriptor keys, envoy-mapping.md §5): <c>rule-&lt;r&gt;-match-&lt;m&gt;</c> for header and query selectors,
/// <c>rule-&lt;r&gt;-method</c>, <c>rule-&lt;r&gt;-path</c>, <c>masked_remote_address</c> / <c>remote_address</c> for CIDRs
/// (the <c>masked_remote_address</c> form Envoy Gateway used before <c>remote_address_match</c>), or
/// <c>generic_key</c> <c>rule-&lt;r&gt;-match--1</c> when the rule has no selector. One action list per method.
/// </summary>
internal static class RateLimitActions
{
    /// <summary>One (actions, entries) pair per method of the rule (one pair when it has no method selector); null when a selector cannot be expressed.</summary>
    public static List<(List<RateLimit.Types.Action> Actions, List<RateLimitDescriptor.Types.Entry> Entries)>? Build(RateLimitRuleIr rule, int ruleIndex, IEnumerable<RateLimit.Types.Action> leading)
    {
        if (rule.QueryParamMatches.Any(q => q.Distinct))
        {
            return null;
        }

        var actions = leading.ToList();
        var entries = new List<RateLimitDescriptor.Types.Entry>();
        var match = 0;
        foreach (var header in rule.HeaderMatches)
        {
            var key = Key(ruleIndex, match++);
            if (header.Distinct)
            {
                actions.Add(new RateLimit.Types.Action { RequestHeaders = new RateLimit.Types.Action.Types.RequestHeaders { HeaderName = header.Name, DescriptorKey = key } });
                entries.Add(new RateLimitDescriptor.Types.Entry { Key = key });
                continue;
            }

            actions.Add(new RateLimit.Types.Action
            {
                HeaderValueMatch = new RateLimit.Types.Action.Types.HeaderValueMatch
                {
                    DescriptorKey = key,
                    DescriptorValue = key,
                    ExpectMatch = !header.Invert,
                    Headers = { new HeaderMatcher { Name = header.Name, StringMatch = StringMatch(header) } },
                },
            });
            entries.Add(new RateLimitDescriptor.Types.Entry { Key = key, Value = key });
        }

        if (rule.PathMatch is { } path)
        {
            var key = $"rule-{ruleIndex.ToString(CultureInfo.InvariantCulture)}-path";
            var matcher = path.Type switch
            {
                "Exact" => new StringMatcher { Exact = path.Value },
                "RegularExpression" => new StringMatcher { SafeRegex = new RegexMatcher { Regex = path.Value } },
                _ => new StringMatcher { Prefix = path.Value },
            };
            actions.Add(HeaderValueMatch(key, ":path", matcher, !path.Invert));
            entries.Add(new RateLimitDescriptor.Types.Entry { Key = key, Value = key });
        }

        if (rule.CidrMatch is { } cidr)
        {
            var (address, length) = SplitCidr(cidr.Cidr);
            var masked = new RateLimit.Types.Action.Types.MaskedRemoteAddress();
            if (address.Contains(':'))
            {
                masked.V6PrefixMaskLen = length;
            }
            else
            {
                masked.V4PrefixMaskLen = length;
            }

            actions.Add(new RateLimit.Types.Action { MaskedRemoteAddress = masked });
            entries.Add(new RateLimitDescriptor.Types.Entry { Key = "masked_remote_address", Value = cidr.Invert ? "invert:" + cidr.Cidr : cidr.Cidr });
            if (cidr.Distinct)
            {
                actions.Add(new RateLimit.Types.Action { RemoteAddress = new RateLimit.Types.Action.Types.RemoteAddress() });
                entries.Add(new RateLimitDescriptor.Types.Entry { Key = "remote_address" });
            }
        }

        foreach (var query in rule.QueryParamMatches)
        {
            var key = Key(ruleIndex, match++);
            actions.Add(new RateLimit.Types.Action
            {
                QueryParameterValueMatch = new RateLimit.Types.Action.Types.QueryParameterValueMatch
                {
                    DescriptorKey = key,
                    DescriptorValue = key,
                    ExpectMatch = !query.Invert,
                    QueryParameters = { new QueryParameterMatcher { Name = query.Name, StringMatch = StringMatch(query) } },
                },
            });
            entries.Add(new RateLimitDescriptor.Types.Entry { Key = key, Value = key });
        }

        if (rule.MethodMatches.Count == 0)
        {
            if (actions.Count == 0)
            {
                var key = Key(ruleIndex, -1);
                actions.Add(new RateLimit.Types.Action { GenericKey = new RateLimit.Types.Action.Types.GenericKey { DescriptorValue = key } });
                entries.Add(new RateLimitDescriptor.Types.Entry { Key = "generic_key", Value = key });
            }

            return [(actions, entries)];
        }

        var methodKey = $"rule-{ruleIndex.ToString(CultureInfo.InvariantCulture)}-method";
        return rule.MethodMatches
            .Select(m => (
                actions.Append(HeaderValueMatch(methodKey, ":method", new StringMatcher { Exact = m.Method }, !m.Invert)).ToList(),
                entries.Append(new RateLimitDescriptor.Types.Entry { Key = methodKey, Value = methodKey }).ToList()))
            .ToList();
    }

    /// <summary>A request count per unit as an Envoy token bucket.</summary>
    public static global::Envoy.Type.V3.TokenBucket Bucket(long requests, string unit) => new()
    {
        MaxTokens = (uint)requests,
        TokensPerFill = (uint)requests,
        FillInterval = new Google.Protobuf.WellKnownTypes.Duration { Seconds = RateLimitFeature.UnitSeconds(unit) },
    };

    private static string Key(int rule, int match) =>
        $"rule-{rule.ToString(CultureInfo.InvariantCulture)}-match-{match.ToString(CultureInfo.InvariantCulture)}";

    private static RateLimit.Types.Action HeaderValueMatch(string key, string header, StringMatcher matcher, bool expect) => new()
    {
        HeaderValueMatch = new RateLimit.Types.Action.Types.HeaderValueMatch
        {
            DescriptorKey = key,
            DescriptorValue = key,
            ExpectMatch = expect,
            Headers = { new HeaderMatcher { Name = header, StringMatch = matcher } },
        },
    };

    private static StringMatcher StringMatch(RateLimitStringMatch match) =>
        match.SafeRegex is { } regex ? new StringMatcher { SafeRegex = new RegexMatcher { Regex = regex } } : new StringMatcher { Exact = match.Exact ?? string.Empty };

    private static (string Address, uint Length) SplitCidr(string cidr)
    {
        var slash = cidr.IndexOf('/');
        return slash < 0
            ? (cidr, cidr.Contains(':') ? 128u : 32u)
            : (cidr[..slash], uint.Parse(cidr[(slash + 1)..], CultureInfo.InvariantCulture));
    }
}
