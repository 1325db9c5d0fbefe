using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cel;
using static EnvoyGateway.Sdk.Validation.CelArgs;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>The Kubernetes IP and CIDR libraries: <c>ip()</c>, <c>isIP()</c>, <c>cidr()</c>, <c>isCIDR()</c> and their members.</summary>
internal static class CelIpLibrary
{
    public static void Register(CelEnvironment env)
    {
        var s = typeof(string);
        var ip = typeof(CelIp);
        var cidr = typeof(CelCidr);
        CelLibraries.Add(env, "ip", [s], a => ParseIp(Str(a[0])) ?? throw new CelLibraryException($"IP Address '{a[0]}' parse error during conversion from string"));
        CelLibraries.Add(env, "isIP", [s], a => ParseIp(Str(a[0])) is not null);
        CelLibraries.Add(env, "family", [ip], a => ((CelIp)a[0]!).Address.AddressFamily == AddressFamily.InterNetwork ? 4L : 6L);
        CelLibraries.Add(env, "isUnspecified", [ip], a => ((CelIp)a[0]!).Address.Equals(IPAddress.Any) || ((CelIp)a[0]!).Address.Equals(IPAddress.IPv6Any));
        CelLibraries.Add(env, "isLoopback", [ip], a => IPAddress.IsLoopback(((CelIp)a[0]!).Address));
        CelLibraries.Add(env, "isLinkLocalMulticast", [ip], a => IsLinkLocalMulticast(((CelIp)a[0]!).Address));
        CelLibraries.Add(env, "isLinkLocalUnicast", [ip], a => IsLinkLocalUnicast(((CelIp)a[0]!).Address));
        CelLibraries.Add(env, "isGlobalUnicast", [ip], a => IsGlobalUnicast(((CelIp)a[0]!).Address));
        CelLibraries.Add(env, "cidr", [s], a => ParseCidr(Str(a[0])) ?? throw new CelLibraryException($"network address parse error during conversion from string: '{a[0]}'"));
        CelLibraries.Add(env, "isCIDR", [s], a => ParseCidr(Str(a[0])) is not null);
        CelLibraries.Add(env, "containsIP", [cidr, s], a => ((CelCidr)a[0]!).Contains(ParseIp(Str(a[1]))?.Address ?? throw new CelLibraryException($"invalid IP '{a[1]}'")));
        CelLibraries.Add(env, "containsIP", [cidr, ip], a => ((CelCidr)a[0]!).Contains(((CelIp)a[1]!).Address));
        CelLibraries.Add(env, "containsCIDR", [cidr, s], a => ((CelCidr)a[0]!).Contains(ParseCidr(Str(a[1])) ?? throw new CelLibraryException($"invalid CIDR '{a[1]}'")));
        CelLibraries.Add(env, "containsCIDR", [cidr, cidr], a => ((CelCidr)a[0]!).Contains((CelCidr)a[1]!));
        CelLibraries.Add(env, "ip", [cidr], a => new CelIp(((CelCidr)a[0]!).Address));
        CelLibraries.Add(env, "masked", [cidr], a => ((CelCidr)a[0]!).Masked());
        CelLibraries.Add(env, "prefixLength", [cidr], a => (long)((CelCidr)a[0]!).PrefixLength);
    }

    private static CelIp? ParseIp(string text) =>
        FormatChecks.IsIPv4(text) || (FormatChecks.IsIPv6(text) && !text.Contains('.', StringComparison.Ordinal))
            ? new CelIp(IPAddress.Parse(text))
            : null;

    private static CelCidr? ParseCidr(string text)
    {
        if (!FormatChecks.IsCidr(text))
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return ParseIp(text[..slash]) is { } ip ? new CelCidr(ip.Address, int.Parse(text.AsSpan(slash + 1), CultureInfo.InvariantCulture)) : null;
    }

    private static bool IsLinkLocalMulticast(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? bytes[0] == 224 && bytes[1] == 0 && bytes[2] == 0
            : bytes[0] == 0xff && (bytes[1] & 0x0f) == 0x02;
    }

    private static bool IsLinkLocalUnicast(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? bytes[0] == 169 && bytes[1] == 254
            : bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80;
    }

    private static bool IsGlobalUnicast(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var broadcast = address.AddressFamily == AddressFamily.InterNetwork && address.Equals(IPAddress.Broadcast);
        var multicast = address.AddressFamily == AddressFamily.InterNetwork ? bytes[0] >= 224 && bytes[0] <= 239 : bytes[0] == 0xff;
        return !broadcast && !multicast && !IPAddress.IsLoopback(address) && !IsLinkLocalUnicast(address)
            && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any);
    }
}

/// <summary>An IP address value of the Kubernetes IP library.</summary>
internal sealed record CelIp(IPAddress Address)
{
    public override string ToString() => Address.ToString();
}

/// <summary>A CIDR value of the Kubernetes CIDR library.</summary>
internal sealed record CelCidr(IPAddress Address, int PrefixLength)
{
    public bool Contains(IPAddress ip)
    {
        if (ip.AddressFamily != Address.AddressFamily)
        {
            return false;
        }

        var a = Address.GetAddressBytes();
        var b = ip.GetAddressBytes();
        var bits = PrefixLength;
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((a[i] & mask) != (b[i] & mask))
            {
                return false;
            }
        }

        return true;
    }

    public bool Contains(CelCidr other) => other.PrefixLength >= PrefixLength && Contains(other.Address);

    public CelCidr Masked()
    {
        var bytes = Address.GetAddressBytes();
        var bits = PrefixLength;
        for (var i = 0; i < bytes.Length; i++, bits -= 8)
        {
            bytes[i] = (byte)(bits >= 8 ? bytes[i] : bits <= 0 ? 0 : bytes[i] & ((0xff << (8 - bits)) & 0xff));
        }

        return new CelCidr(new IPAddress(bytes), PrefixLength);
    }

    public override string ToString() => Address + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);
}
