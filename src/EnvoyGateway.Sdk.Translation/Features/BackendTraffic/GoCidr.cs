using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EnvoyGateway.Sdk.Translation.Features.BackendTraffic;

/// <summary>Go's <c>net.ParseCIDR</c>: what it accepts and its error text <c>invalid CIDR address: &lt;s&gt;</c>.</summary>
internal static class GoCidr
{
    /// <summary>Null when Go accepts <paramref name="text"/>, else Go's error text.</summary>
    public static string? Validate(string text) => TryParse(text, out _, out _) ? null : "invalid CIDR address: " + text;

    /// <summary>Parses an address/prefix-length pair as Go does (no zones, no leading zeros in IPv4 octets).</summary>
    public static bool TryParse(string text, out IPAddress? address, out int prefixLength)
    {
        address = null;
        prefixLength = 0;
        var slash = text.IndexOf('/', System.StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var host = text[..slash];
        var mask = text[(slash + 1)..];
        if (!TryParseAddress(host, out address))
        {
            return false;
        }

        var bits = address!.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (mask.Length == 0 || mask.Length > 9)
        {
            return false;
        }

        foreach (var c in mask)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        prefixLength = int.Parse(mask, NumberStyles.None, CultureInfo.InvariantCulture);
        return prefixLength <= bits;
    }

    private static bool TryParseAddress(string host, out IPAddress? address)
    {
        address = null;
        if (host.Contains(':', System.StringComparison.Ordinal))
        {
            if (host.Contains('%', System.StringComparison.Ordinal) || host.Contains('[', System.StringComparison.Ordinal))
            {
                return false;
            }

            var lastColon = host.LastIndexOf(':');
            var tail = host[(lastColon + 1)..];
            if (tail.Contains('.', System.StringComparison.Ordinal) && !IsStrictIPv4(tail))
            {
                return false;
            }

            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            address = v6;
            return true;
        }

        if (!IsStrictIPv4(host))
        {
            return false;
        }

        address = IPAddress.Parse(host);
        return true;
    }

    private static bool IsStrictIPv4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            foreach (var c in part)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            if (int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }
}
