using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Cel;
using static EnvoyGateway.Sdk.Validation.CelArgs;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// The Kubernetes format library: <c>format.dns1123Label()</c>, <c>format.named("...")</c>, ... and
/// <c>&lt;format&gt;.validate(string)</c>, which returns <c>optional.none()</c> when valid and
/// <c>optional.of([errors])</c> otherwise.
/// </summary>
internal static partial class CelFormatLibrary
{
    private static readonly Dictionary<string, Func<string, string?>> Formats = new(StringComparer.Ordinal)
    {
        ["dns1123Label"] = s => Check(s, 63, Dns1123Label(), "a lowercase RFC 1123 label"),
        ["dns1123Subdomain"] = s => Check(s, 253, Dns1123Subdomain(), "a lowercase RFC 1123 subdomain"),
        ["dns1035Label"] = s => Check(s, 63, Dns1035Label(), "a DNS-1035 label"),
        ["dns1123LabelPrefix"] = s => Check(s.TrimEnd('-'), 63, Dns1123Label(), "a lowercase RFC 1123 label prefix"),
        ["dns1123SubdomainPrefix"] = s => Check(s.TrimEnd('-', '.'), 253, Dns1123Subdomain(), "a lowercase RFC 1123 subdomain prefix"),
        ["dns1035LabelPrefix"] = s => Check(s.TrimEnd('-'), 63, Dns1035Label(), "a DNS-1035 label prefix"),
        ["qualifiedName"] = QualifiedName,
        ["labelValue"] = s => s.Length == 0 ? null : Check(s, 63, LabelValue(), "a valid label value"),
        ["uri"] = s => Uri.TryCreate(s, UriKind.Absolute, out _) || s.StartsWith('/') ? null : "must be a URI",
        ["uuid"] = s => FormatChecks.CheckString("uuid", s),
        ["byte"] = s => FormatChecks.CheckString("byte", s),
        ["date"] = s => FormatChecks.CheckString("date", s),
        ["datetime"] = s => FormatChecks.CheckString("date-time", s),
    };

    public static void Register(CelEnvironment env)
    {
        var ns = typeof(CelNamespaces);
        foreach (var name in Formats.Keys)
        {
            var format = new CelFormat(name);
            CelLibraries.Add(env, name, [ns], _ => format);
        }

        CelLibraries.Add(env, "named", [ns, typeof(string)], a => Formats.ContainsKey(Str(a[1])) ? CelOptional.Of(new CelFormat(Str(a[1]))) : CelOptional.None);
        CelLibraries.Add(env, "validate", [typeof(CelFormat), typeof(string)], a => Validate((CelFormat)a[0]!, Str(a[1])));
    }

    private static CelOptional Validate(CelFormat format, string value) =>
        Formats[format.Name](value) is { } problem ? CelOptional.Of(new List<object?> { problem }) : CelOptional.None;

    private static string? Check(string value, int maxLength, Regex regex, string what)
    {
        if (value.Length > maxLength)
        {
            return $"must be no more than {maxLength} characters";
        }

        return regex.IsMatch(value) ? null : "must be " + what;
    }

    private static string? QualifiedName(string value)
    {
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            return "a qualified name must consist of an optional DNS subdomain prefix and a name, separated by '/'";
        }

        if (parts.Length == 2 && Check(parts[0], 253, Dns1123Subdomain(), "a DNS subdomain prefix") is { } prefix)
        {
            return prefix;
        }

        return Check(parts[^1], 63, QualifiedNamePart(), "a qualified name (alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric)");
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex(@"^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Label();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNamePart();
}

/// <summary>A format value of the Kubernetes format library.</summary>
internal sealed record CelFormat(string Name);
