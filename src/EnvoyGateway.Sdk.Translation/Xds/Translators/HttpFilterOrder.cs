using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>
/// THE order of HTTP filters in every HTTP connection manager (envoy-mapping.md §4), in one table. A filter's type is
/// matched by name prefix so instance suffixes (<c>/securitypolicy/ns/name</c>, <c>.gzip</c>) keep their type's rank;
/// ties are broken by name; the router is always last.
/// </summary>
internal static class HttpFilterOrder
{
    /// <summary>Rank of each filter type; an entry with <c>PerIndex</c> adds the trailing <c>/&lt;i&gt;</c> of the name.</summary>
    private static readonly (string Prefix, int Rank, bool PerIndex)[] Table =
    [
        ("envoy.filters.http.custom_response", 0, false),
        ("envoy.filters.http.health_check", 1, false),
        ("envoy.filters.http.fault", 2, false),
        ("envoy.filters.http.cors", 3, false),
        ("envoy.filters.http.csrf", 4, false),
        ("envoy.filters.http.header_mutation", 5, false),
        ("envoy.filters.http.ext_authz", 6, false),
        ("envoy.filters.http.api_key_auth", 7, false),
        ("envoy.filters.http.basic_auth", 8, false),
        ("envoy.filters.http.oauth2", 9, false),
        ("envoy.filters.http.jwt_authn", 10, false),
        ("envoy.filters.http.stateful_session", 11, false),
        ("envoy.filters.http.buffer", 12, false),
        ("envoy.filters.http.lua", 13, true),
        ("envoy.filters.http.ext_proc", 100, true),
        ("envoy.filters.http.wasm", 200, true),
        ("envoy.filters.http.dynamic_modules", 250, true),
        ("envoy.filters.http.geoip", 300, false),
        ("envoy.filters.http.rbac", 301, false),
        ("envoy.filters.http.local_ratelimit", 302, false),
        ("envoy.filters.http.ratelimit", 303, false),
        ("envoy.filters.http.bandwidth_limit", 304, false),
        ("envoy.filters.http.grpc_web", 305, false),
        ("envoy.filters.http.grpc_stats", 306, false),
        ("envoy.filters.http.credential_injector", 307, false),
        ("envoy.filters.http.compressor", 308, false),
        ("envoy.filters.http.dynamic_forward_proxy", 309, false),
        (XdsNames.RouterFilter, 310, false),
    ];

    /// <summary>The rank of <paramref name="filterName"/>; 50 for filters the table does not know.</summary>
    public static int Rank(string filterName)
    {
        foreach (var (prefix, rank, perIndex) in Table)
        {
            if (filterName == prefix || (filterName.StartsWith(prefix, StringComparison.Ordinal) && filterName[prefix.Length] is '/' or '.'))
            {
                return perIndex ? rank + TrailingIndex(filterName) : rank;
            }
        }

        return 50;
    }

    /// <summary>Sorts filters by rank then name, dropping duplicates by name (first wins); the router ends the chain.</summary>
    public static List<HttpFilter> Sort(IEnumerable<HttpFilter> filters)
    {
        var unique = new List<HttpFilter>();
        foreach (var filter in filters)
        {
            if (unique.All(f => f.Name != filter.Name))
            {
                unique.Add(filter);
            }
        }

        return unique.OrderBy(f => Rank(f.Name)).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static int TrailingIndex(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash >= 0 && int.TryParse(name.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0;
    }
}
