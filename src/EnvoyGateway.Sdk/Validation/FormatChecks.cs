using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>The string formats the API server checks (apiextensions' format registry), for the formats in use.</summary>
internal static partial class FormatChecks
{
    /// <summary>Returns <see langword="null"/> when <paramref name="text"/> has the format (or the format is not checked), else the problem.</summary>
    public static string? CheckString(string format, string text) => format switch
    {
        "date-time" or "datetime" => IsDateTime(text) ? null : "expected an RFC 3339 date-time such as 2006-01-02T15:04:05Z",
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "expected a date such as 2006-01-02",
        "duration" => GoDuration().IsMatch(text) ? null : "expected a duration such as 1h30m or 500ms",
        "hostname" => IsHostname(text) ? null : "expected an RFC 1123 hostname",
        "ipv4" => IsIPv4(text) ? null : "expected an IPv4 address",
        "ipv6" => IsIPv6(text) ? null : "expected an IPv6 address",
        "cidr" => IsCidr(text) ? null : "expected a CIDR such as 10.0.0.0/8",
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _) ? null : "expected an absolute URI",
        "byte" => IsBase64(text) ? null : "expected base64-encoded data",
        "uuid" => Uuid().IsMatch(text) ? null : "expected a UUID",
        "email" => Email().IsMatch(text) ? null : "expected an email address",
        "mac" => Mac().IsMatch(text) ? null : "expected a MAC address",
        _ => null,
    };

    public static bool IsIPv4(string text) =>
        Ipv4().IsMatch(text) && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork;

    public static bool IsIPv6(string text) =>
        text.Contains(':', StringComparison.Ordinal) && !text.Contains('%', StringComparison.Ordinal)
        && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    public static bool IsCidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        var ip = text[..slash];
        return (IsIPv4(ip) && bits <= 32) || (IsIPv6(ip) && bits <= 128);
    }

    private static bool IsDateTime(string text) =>
        RfcDateTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsHostname(string text) => text.Length <= 255 && Hostname().IsMatch(text);

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    [GeneratedRegex(@"^[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex RfcDateTime();

    [GeneratedRegex(@"^[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Hostname();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^([0-9A-Fa-f]{2}[:-]){5,19}[0-9A-Fa-f]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Mac();
}
