using System;
using System.Globalization;
using System.Net;

namespace EnvoyGateway.Sdk.Translation.Features.Go;

/// <summary>A parsed CIDR in the shape Envoy Gateway's IR keeps it (<c>ir.CIDRMatch</c>): network, address, bits, family.</summary>
internal sealed record CidrMatch(string Cidr, string Ip, int MaskLen, bool IsIPv6);

/// <summary>
/// Go's <c>net.ParseCIDR</c> (Go 1.22+, built on <c>netip.ParseAddr</c>) and <c>netip.ParseAddr</c> itself, with their
/// exact acceptance rules: no IPv4 octets with leading zeros, no zones, at most one <c>::</c> that stands for at least
/// one group, embedded IPv4 only in the last 32 bits.
/// </summary>
internal static class GoNet
{
    /// <summary>
    /// Parses <paramref name="text"/> like Go's <c>net.ParseCIDR</c>; on failure <paramref name="error"/> is Go's
    /// <c>invalid CIDR address: &lt;text&gt;</c>.
    /// </summary>
    public static CidrMatch? ParseCidr(string text, out string? error)
    {
        error = "invalid CIDR address: " + text;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var addr = text[..slash];
        var mask = text[(slash + 1)..];
        var bytes = ParseAddr(addr);
        if (bytes is null)
        {
            return null;
        }

        var bitLen = bytes.Length * 8;
        if (!Dtoi(mask, out var n) || n > bitLen)
        {
            return null;
        }

        error = null;
        var isV4 = IsIPv4(bytes);
        var ip = new IPAddress(bytes);
        var ipText = bytes.Length == 4 ? ip.ToString() : (IsV4Mapped(bytes) ? new IPAddress(bytes[12..]).ToString() : ip.ToString());
        var masked = (byte[])bytes.Clone();
        for (var i = 0; i < masked.Length; i++)
        {
            var bitsHere = Math.Clamp(n - (i * 8), 0, 8);
            masked[i] &= (byte)(0xff << (8 - bitsHere));
        }

        string cidr;
        if (bytes.Length == 16 && IsV4Mapped(bytes) && n >= 96)
        {
            cidr = new IPAddress(masked[12..]).ToString() + "/" + (n - 96).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            cidr = new IPAddress(masked).ToString() + "/" + n.ToString(CultureInfo.InvariantCulture);
        }

        return new CidrMatch(cidr, ipText, n, !isV4);
    }

    /// <summary>Null when Go's <c>net.ParseCIDR</c> accepts <paramref name="text"/>, else its error text.</summary>
    public static string? ValidateCidr(string text) => ParseCidr(text, out var error) is null ? error : null;

    /// <summary>Go's <c>ip.To4() != nil</c> for a parsed address: 4 bytes, or an IPv4-mapped IPv6 address.</summary>
    public static bool IsIPv4(byte[] ip) => ip.Length == 4 || IsV4Mapped(ip);

    private static bool IsV4Mapped(byte[] b)
    {
        if (b.Length != 16)
        {
            return false;
        }

        for (var i = 0; i < 10; i++)
        {
            if (b[i] != 0)
            {
                return false;
            }
        }

        return b[10] == 0xff && b[11] == 0xff;
    }

    /// <summary>Go's <c>net.dtoi</c>: decimal digits only, at least one, below 0xFFFFFF; must consume all of the text.</summary>
    private static bool Dtoi(string s, out int n)
    {
        n = 0;
        if (s.Length == 0)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            n = (n * 10) + (c - '0');
            if (n >= 0xFFFFFF)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Go's <c>netip.ParseAddr</c> without zones (ParseCIDR rejects zones): 4 or 16 bytes, or null.</summary>
    public static byte[]? ParseAddr(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '.':
                    return ParseIPv4(s);
                case ':':
                    return ParseIPv6(s);
                case '%':
                    return null;
            }
        }

        return null;
    }

    private static byte[]? ParseIPv4(string s)
    {
        var fields = new byte[4];
        int val = 0, pos = 0, digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c >= '0' && c <= '9')
            {
                if (digits == 1 && val == 0)
                {
                    return null; // leading zero
                }

                val = (val * 10) + (c - '0');
                digits++;
                if (val > 255)
                {
                    return null;
                }
            }
            else if (c == '.')
            {
                if (i == 0 || i == s.Length - 1 || s[i - 1] == '.' || pos == 3)
                {
                    return null;
                }

                fields[pos++] = (byte)val;
                val = 0;
                digits = 0;
            }
            else
            {
                return null;
            }
        }

        if (pos < 3 || digits == 0)
        {
            return null;
        }

        fields[3] = (byte)val;
        return fields;
    }

    private static byte[]? ParseIPv6(string s)
    {
        var ip = new byte[16];
        var ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s[2..];
            if (s.Length == 0)
            {
                return ip;
            }
        }

        var i = 0;
        while (i < 16)
        {
            int off = 0, acc = 0;
            while (off < s.Length)
            {
                var c = s[off];
                int d;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
                else break;
                off++;
                if (off > 4)
                {
                    return null;
                }

                acc = (acc << 4) + d;
            }

            if (off == 0)
            {
                return null;
            }

            if (off < s.Length && s[off] == '.')
            {
                if (ellipsis < 0 && i != 12)
                {
                    return null;
                }

                if (i + 4 > 16)
                {
                    return null;
                }

                var v4 = ParseIPv4(s);
                if (v4 is null)
                {
                    return null;
                }

                ip[i] = v4[0]; ip[i + 1] = v4[1]; ip[i + 2] = v4[2]; ip[i + 3] = v4[3];
                s = string.Empty;
                i += 4;
                break;
            }

            ip[i] = (byte)(acc >> 8);
            ip[i + 1] = (byte)acc;
            i += 2;
            s = s[off..];
            if (s.Length == 0)
            {
                break;
            }

            if (s[0] != ':')
            {
                return null;
            }

            if (s.Length == 1)
            {
                return null;
            }

            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    return null;
                }

                ellipsis = i;
                s = s[1..];
                if (s.Length == 0)
                {
                    break;
                }
            }
        }

        if (s.Length != 0)
        {
            return null;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return null;
            }

            var n = 16 - i;
            for (var j = i - 1; j >= ellipsis; j--)
            {
                ip[j + n] = ip[j];
            }

            for (var j = ellipsis + n - 1; j >= ellipsis; j--)
            {
                ip[j] = 0;
            }
        }
        else if (ellipsis >= 0)
        {
            return null;
        }

        return ip;
    }
}
