using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Validate;

namespace EnvoyGateway.Sdk.Translation.Xds.Validation;

/// <summary>protoc-gen-validate string and bytes rules, including the well-known formats Envoy uses.</summary>
internal static class PgvStringRules
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly Regex HostnameLabel = new("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$", RegexOptions.CultureInvariant, RegexTimeout);

    public static void Check(string value, StringRules rules, PgvPath path, List<string> violations)
    {
        if (rules.IgnoreEmpty && value.Length == 0)
        {
            return;
        }

        // Counted only when a length rule needs them: most string rules are patterns or well-known formats.
        var runes = rules.HasLen || rules.HasMinLen || rules.HasMaxLen ? PgvRules.RuneCount(value) : 0;
        var bytes = rules.HasLenBytes || rules.HasMinBytes || rules.HasMaxBytes ? PgvRules.ByteCount(value) : 0;
        void Fail(string what) => violations.Add($"{path}: {what}");

        if (rules.HasConst && value != rules.Const)
        {
            Fail($"must equal \"{rules.Const}\"");
        }

        if (rules.HasLen && (ulong)runes != rules.Len)
        {
            Fail($"must be {rules.Len} characters long");
        }

        if (rules.HasMinLen && (ulong)runes < rules.MinLen)
        {
            Fail($"must be at least {rules.MinLen} character(s) long");
        }

        if (rules.HasMaxLen && (ulong)runes > rules.MaxLen)
        {
            Fail($"must be at most {rules.MaxLen} characters long");
        }

        if (rules.HasLenBytes && (ulong)bytes != rules.LenBytes)
        {
            Fail($"must be {rules.LenBytes} bytes long");
        }

        if (rules.HasMinBytes && (ulong)bytes < rules.MinBytes)
        {
            Fail($"must be at least {rules.MinBytes} byte(s) long");
        }

        if (rules.HasMaxBytes && (ulong)bytes > rules.MaxBytes)
        {
            Fail($"must be at most {rules.MaxBytes} bytes long");
        }

        if (rules.HasPattern && !Matches(rules.Pattern, value))
        {
            Fail($"does not match pattern {rules.Pattern}");
        }

        if (rules.HasPrefix && !value.StartsWith(rules.Prefix, StringComparison.Ordinal))
        {
            Fail($"must start with \"{rules.Prefix}\"");
        }

        if (rules.HasSuffix && !value.EndsWith(rules.Suffix, StringComparison.Ordinal))
        {
            Fail($"must end with \"{rules.Suffix}\"");
        }

        if (rules.HasContains && !value.Contains(rules.Contains, StringComparison.Ordinal))
        {
            Fail($"must contain \"{rules.Contains}\"");
        }

        if (rules.HasNotContains && value.Contains(rules.NotContains, StringComparison.Ordinal))
        {
            Fail($"must not contain \"{rules.NotContains}\"");
        }

        if (rules.In.Count > 0 && !rules.In.Contains(value))
        {
            Fail($"must be one of [{string.Join(", ", rules.In)}]");
        }

        if (rules.NotIn.Contains(value))
        {
            Fail($"\"{value}\" is not allowed");
        }

        if (WellKnown(value, rules) is { } problem)
        {
            Fail(problem);
        }
    }

    public static void Check(ByteString value, BytesRules rules, PgvPath path, List<string> violations)
    {
        var data = value.ToByteArray();
        void Fail(string what) => violations.Add($"{path}: {what}");
        if (rules.HasConst && !rules.Const.Equals(value))
        {
            Fail("must equal the constant bytes");
        }

        if (rules.HasLen && (ulong)data.Length != rules.Len)
        {
            Fail($"must be {rules.Len} bytes long");
        }

        if (rules.HasMinLen && (ulong)data.Length < rules.MinLen)
        {
            Fail($"must be at least {rules.MinLen} byte(s) long");
        }

        if (rules.HasMaxLen && (ulong)data.Length > rules.MaxLen)
        {
            Fail($"must be at most {rules.MaxLen} bytes long");
        }

        if (rules.HasPrefix && !data.AsSpan().StartsWith(rules.Prefix.Span))
        {
            Fail("must start with the given prefix bytes");
        }

        if (rules.HasSuffix && !data.AsSpan().EndsWith(rules.Suffix.Span))
        {
            Fail("must end with the given suffix bytes");
        }

        if (rules.HasContains && data.AsSpan().IndexOf(rules.Contains.Span) < 0)
        {
            Fail("must contain the given bytes");
        }

        if (rules.In.Count > 0 && !rules.In.Contains(value))
        {
            Fail("must be one of the allowed values");
        }

        if (rules.NotIn.Contains(value))
        {
            Fail("is not an allowed value");
        }

        if ((rules.Ip && data.Length is not (4 or 16)) || (rules.Ipv4 && data.Length != 4) || (rules.Ipv6 && data.Length != 16))
        {
            Fail("must be a valid IP address in byte form");
        }
    }

    private static string? WellKnown(string value, StringRules rules) => rules.WellKnownCase switch
    {
        StringRules.WellKnownOneofCase.Email when rules.Email && !IsEmail(value) => "must be a valid email address",
        StringRules.WellKnownOneofCase.Hostname when rules.Hostname && !IsHostname(value) => "must be a valid hostname",
        StringRules.WellKnownOneofCase.Ip when rules.Ip && !IPAddress.TryParse(value, out _) => "must be a valid IP address",
        StringRules.WellKnownOneofCase.Ipv4 when rules.Ipv4 && !IsIp(value, AddressFamily.InterNetwork) => "must be a valid IPv4 address",
        StringRules.WellKnownOneofCase.Ipv6 when rules.Ipv6 && !IsIp(value, AddressFamily.InterNetworkV6) => "must be a valid IPv6 address",
        StringRules.WellKnownOneofCase.Uri when rules.Uri && !Uri.TryCreate(value, UriKind.Absolute, out _) => "must be a valid absolute URI",
        StringRules.WellKnownOneofCase.UriRef when rules.UriRef && !Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _) => "must be a valid URI reference",
        StringRules.WellKnownOneofCase.Address when rules.Address && !IPAddress.TryParse(value, out _) && !IsHostname(value) => "must be a valid hostname or IP address",
        StringRules.WellKnownOneofCase.Uuid when rules.Uuid && !Guid.TryParseExact(value, "D", out _) => "must be a valid UUID",
        StringRules.WellKnownOneofCase.WellKnownRegex => WellKnownRegex(value, rules),
        _ => null,
    };

    private static string? WellKnownRegex(string value, StringRules rules)
    {
        var strict = !rules.HasStrict || rules.Strict;
        return rules.WellKnownRegex switch
        {
            KnownRegex.HttpHeaderName when !(strict ? IsHeaderNameStrict(value) : IsHeaderLoose(value)) => "must be a valid HTTP header name",
            KnownRegex.HttpHeaderValue when !(strict ? IsHeaderValueStrict(value) : IsHeaderLoose(value)) => "must be a valid HTTP header value",
            _ => null,
        };
    }

    private static bool Matches(string pattern, string value) =>
        // null: an RE2 construct .NET cannot compile; do not report a false violation
        Patterns.GetOrAdd(pattern, Compile) is not { } regex || regex.IsMatch(value);

    // The Envoy descriptors carry more distinct patterns than Regex's static cache holds (15), so keep our own.
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // PGV's header regexes as loops: they run on every header of every route, where a Regex match costs far more.
    // Strict name: an RFC 7230 token with an optional leading ':' (pseudo-headers).
    private static bool IsHeaderNameStrict(string value)
    {
        var start = value.StartsWith(':') ? 1 : 0;
        if (value.Length == start)
        {
            return false;
        }

        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_|~`".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    // Strict value: no control characters except horizontal tab, no DEL.
    private static bool IsHeaderValueStrict(string value)
    {
        foreach (var c in value)
        {
            if ((c < ' ' && c != '\t') || c == '\u007F')
            {
                return false;
            }
        }

        return true;
    }

    // Loose (strict: false): anything but NUL, LF and CR.
    private static bool IsHeaderLoose(string value) => value.AsSpan().IndexOfAny('\0', '\n', '\r') < 0;

    private static bool IsIp(string value, AddressFamily family) => IPAddress.TryParse(value, out var ip) && ip.AddressFamily == family;

    private static bool IsEmail(string value)
    {
        var at = value.LastIndexOf('@');
        return at > 0 && at < value.Length - 1 && value.Length <= 254 && IsHostname(value[(at + 1)..]);
    }

    private static bool IsHostname(string value)
    {
        var host = value.EndsWith('.') ? value[..^1] : value;
        return host.Length is > 0 and <= 253 && host.Split('.').All(HostnameLabel.IsMatch);
    }
}
