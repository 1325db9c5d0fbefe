using System;

namespace EnvoyGateway.Sdk.Translation.Features.Go;

/// <summary>The parts of a URL that Envoy Gateway reads after Go's <c>url.Parse</c>.</summary>
internal sealed record GoParsedUrl(string Scheme, string Host, string Path, string Opaque)
{
    /// <summary>Go's <c>URL.Hostname()</c>: the host without port and without IPv6 brackets.</summary>
    public string Hostname
    {
        get
        {
            var (host, _) = SplitHostPort(Host);
            return host;
        }
    }

    /// <summary>Go's <c>URL.Port()</c>: the port digits after the last colon, or empty.</summary>
    public string Port
    {
        get
        {
            var (_, port) = SplitHostPort(Host);
            return port;
        }
    }

    private static (string Host, string Port) SplitHostPort(string hostPort)
    {
        var host = hostPort;
        var port = string.Empty;
        var colon = host.LastIndexOf(':');
        if (colon != -1 && GoUrl.ValidOptionalPort(host[colon..]))
        {
            port = host[(colon + 1)..];
            host = host[..colon];
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return (host, port);
    }
}

/// <summary>
/// Go's <c>net/url</c> <c>Parse</c> and <c>ParseRequestURI</c>: the same acceptance rules and the same error text
/// (<c>parse "&lt;url&gt;": &lt;reason&gt;</c>).
/// </summary>
internal static class GoUrl
{
    /// <summary>Go's <c>url.Parse</c>.</summary>
    public static GoParsedUrl? Parse(string rawUrl, out string? error)
    {
        var hash = rawUrl.IndexOf('#', StringComparison.Ordinal);
        var u = hash < 0 ? rawUrl : rawUrl[..hash];
        var frag = hash < 0 ? string.Empty : rawUrl[(hash + 1)..];
        var url = ParseCore(u, viaRequest: false, out var reason);
        if (url is null)
        {
            error = "parse " + GoFormat.Quote(u) + ": " + reason;
            return null;
        }

        if (Unescape(frag, host: false) is { } fragError)
        {
            error = "parse " + GoFormat.Quote(rawUrl) + ": " + fragError;
            return null;
        }

        error = null;
        return url;
    }

    /// <summary>Go's <c>url.ParseRequestURI</c>.</summary>
    public static GoParsedUrl? ParseRequestUri(string rawUrl, out string? error)
    {
        var url = ParseCore(rawUrl, viaRequest: true, out var reason);
        error = url is null ? "parse " + GoFormat.Quote(rawUrl) + ": " + reason : null;
        return url;
    }

    internal static bool ValidOptionalPort(string port)
    {
        if (port.Length == 0)
        {
            return true;
        }

        if (port[0] != ':')
        {
            return false;
        }

        for (var i = 1; i < port.Length; i++)
        {
            if (port[i] < '0' || port[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static GoParsedUrl? ParseCore(string rawUrl, bool viaRequest, out string? reason)
    {
        reason = null;
        foreach (var c in rawUrl)
        {
            if (c < 0x20 || c == 0x7f)
            {
                reason = "net/url: invalid control character in URL";
                return null;
            }
        }

        if (rawUrl.Length == 0 && viaRequest)
        {
            reason = "empty url";
            return null;
        }

        if (rawUrl == "*")
        {
            return new GoParsedUrl(string.Empty, string.Empty, "*", string.Empty);
        }

        // getScheme
        var scheme = string.Empty;
        var rest = rawUrl;
        for (var i = 0; i < rawUrl.Length; i++)
        {
            var c = rawUrl[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                continue;
            }

            if (c is >= '0' and <= '9' or '+' or '-' or '.')
            {
                if (i == 0)
                {
                    break;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    reason = "missing protocol scheme";
                    return null;
                }

                scheme = rawUrl[..i];
                rest = rawUrl[(i + 1)..];
            }

            break;
        }

        scheme = scheme.ToLowerInvariant();
        if (rest.EndsWith('?') && CountChar(rest, '?') == 1)
        {
            rest = rest[..^1];
        }
        else
        {
            var q = rest.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0)
            {
                rest = rest[..q];
            }
        }

        if (!rest.StartsWith('/'))
        {
            if (scheme.Length != 0)
            {
                return new GoParsedUrl(scheme, string.Empty, string.Empty, rest);
            }

            if (viaRequest)
            {
                reason = "invalid URI for request";
                return null;
            }

            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var segment = slash < 0 ? rest : rest[..slash];
            if (segment.Contains(':', StringComparison.Ordinal))
            {
                reason = "first path segment in URL cannot contain colon";
                return null;
            }
        }

        var host = string.Empty;
        if ((scheme.Length != 0 || (!viaRequest && !rest.StartsWith("///", StringComparison.Ordinal))) && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            rest = string.Empty;
            var slash = authority.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                rest = authority[slash..];
                authority = authority[..slash];
            }

            var at = authority.LastIndexOf('@');
            var hostPart = at < 0 ? authority : authority[(at + 1)..];
            if (ParseHost(hostPart) is { } hostError)
            {
                reason = hostError;
                return null;
            }

            if (at >= 0 && !ValidUserinfo(authority[..at]))
            {
                reason = "net/url: invalid userinfo";
                return null;
            }

            if (at >= 0 && Unescape(authority[..at], host: false) is { } userError)
            {
                reason = userError;
                return null;
            }

            host = hostPart;
        }

        if (Unescape(rest, host: false) is { } pathError)
        {
            reason = pathError;
            return null;
        }

        return new GoParsedUrl(scheme, host, rest, string.Empty);
    }

    private static int CountChar(string s, char c)
    {
        var n = 0;
        foreach (var ch in s)
        {
            if (ch == c)
            {
                n++;
            }
        }

        return n;
    }

    private static string? ParseHost(string host)
    {
        if (host.StartsWith('['))
        {
            var i = host.LastIndexOf(']');
            if (i < 0)
            {
                return "missing ']' in host";
            }

            var colonPort = host[(i + 1)..];
            if (!ValidOptionalPort(colonPort))
            {
                return "invalid port " + GoFormat.Quote(colonPort) + " after host";
            }
        }
        else
        {
            var i = host.LastIndexOf(':');
            if (i != -1)
            {
                var colonPort = host[i..];
                if (!ValidOptionalPort(colonPort))
                {
                    return "invalid port " + GoFormat.Quote(colonPort) + " after host";
                }
            }
        }

        return Unescape(host, host: true);
    }

    private static bool ValidUserinfo(string s)
    {
        foreach (var r in s)
        {
            if (r is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                continue;
            }

            switch (r)
            {
                case '-': case '.': case '_': case ':': case '~': case '!': case '$': case '&': case '\'':
                case '(': case ')': case '*': case '+': case ',': case ';': case '=': case '%': case '@':
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The error of Go's <c>unescape</c> for the path/fragment/userinfo or host mode, or null.</summary>
    private static string? Unescape(string s, bool host)
    {
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2]))
                {
                    var bad = s[i..Math.Min(i + 3, s.Length)];
                    return "invalid URL escape " + GoFormat.Quote(bad);
                }

                if (host && HexValue(s[i + 1]) < 8 && s.Substring(i, 3) != "%25")
                {
                    return "invalid URL escape " + GoFormat.Quote(s.Substring(i, 3));
                }

                i += 3;
                continue;
            }

            if (host && c < 0x80 && ShouldEscapeHost(c))
            {
                return "invalid character " + GoFormat.Quote(c.ToString()) + " in host name";
            }

            i++;
        }

        return null;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static bool ShouldEscapeHost(char c)
    {
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
        {
            return false;
        }

        return c switch
        {
            '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '[' or ']' or '<' or '>' or '"' => false,
            '-' or '_' or '.' or '~' => false,
            _ => true,
        };
    }
}
