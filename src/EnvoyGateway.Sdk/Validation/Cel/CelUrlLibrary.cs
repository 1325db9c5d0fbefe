using System;
using System.Collections.Generic;
using System.Net;
using Cel;
using static EnvoyGateway.Sdk.Validation.CelArgs;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>The Kubernetes URL library: <c>url()</c>, <c>isURL()</c> and the URL getters.</summary>
internal static class CelUrlLibrary
{
    public static void Register(CelEnvironment env)
    {
        var u = typeof(CelUrl);
        CelLibraries.Add(env, "url", [typeof(string)], a => Parse(Str(a[0])) ?? throw new CelLibraryException($"URL parse error during conversion from string: '{a[0]}'"));
        CelLibraries.Add(env, "isURL", [typeof(string)], a => Parse(Str(a[0])) is not null);
        CelLibraries.Add(env, "getScheme", [u], a => ((CelUrl)a[0]!).Scheme);
        CelLibraries.Add(env, "getHost", [u], a => ((CelUrl)a[0]!).Host);
        CelLibraries.Add(env, "getHostname", [u], a => ((CelUrl)a[0]!).Hostname);
        CelLibraries.Add(env, "getPort", [u], a => ((CelUrl)a[0]!).Port);
        CelLibraries.Add(env, "getEscapedPath", [u], a => ((CelUrl)a[0]!).EscapedPath);
        CelLibraries.Add(env, "getQuery", [u], a => ((CelUrl)a[0]!).Query());
    }

    /// <summary>Parses like Go's url.ParseRequestURI: an absolute URL or an absolute path.</summary>
    private static CelUrl? Parse(string text)
    {
        if (text.StartsWith('/'))
        {
            var q = text.IndexOf('?', StringComparison.Ordinal);
            return new CelUrl(string.Empty, string.Empty, string.Empty, string.Empty, q < 0 ? text : text[..q], q < 0 ? string.Empty : text[(q + 1)..]);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || text.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var authority = uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port;
        var explicitPort = text.Contains(uri.Host + ":", StringComparison.OrdinalIgnoreCase) || text.Contains("]:", StringComparison.Ordinal);
        var host = explicitPort ? authority : uri.Host;
        if (uri.HostNameType == UriHostNameType.IPv6)
        {
            host = explicitPort ? "[" + uri.IdnHost.Trim('[', ']') + "]:" + uri.Port : uri.Host;
        }

        return new CelUrl(uri.Scheme, host, uri.IdnHost.Trim('[', ']'), explicitPort ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty, uri.AbsolutePath, uri.Query.TrimStart('?'));
    }
}

/// <summary>A parsed URL as the Kubernetes URL library exposes it.</summary>
internal sealed record CelUrl(string Scheme, string Host, string Hostname, string Port, string EscapedPath, string RawQuery)
{
    public Dictionary<string, object?> Query()
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = WebUtility.UrlDecode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : WebUtility.UrlDecode(pair[(eq + 1)..]);
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<object?>();
            }

            ((List<object?>)list!).Add(value);
        }

        return map;
    }
}
