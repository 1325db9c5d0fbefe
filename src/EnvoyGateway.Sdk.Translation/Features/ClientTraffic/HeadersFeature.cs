using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;
using EnvoyGateway.Sdk.Translation.Features.Go;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary>
/// <c>spec.headers</c> (prefix <c>Headers</c>). Early request and late response header mutations are checked like
/// Gateway API header modifier filters (errors of one list joined by newline); the feature stops at the first
/// failing part.
/// </summary>
internal static class HeadersFeature
{
    public const string Prefix = "Headers";

    public static HeaderSettings? Build(ClientTrafficPolicySpecHeaders? headers, out string? error)
    {
        error = null;
        if (headers is null)
        {
            return null;
        }

        string? requestId = headers.RequestID?.Value;
        if (requestId is null && headers.PreserveXRequestID == true)
        {
            requestId = "PreserveOrGenerate";
        }

        var xfcc = headers.XForwardedClientCert;
        var xfccMode = xfcc is null ? null : xfcc.Mode?.Value ?? "Sanitize";
        var certDetails = xfccMode is "AppendForward" or "SanitizeSet"
            ? (IReadOnlyList<string>)(xfcc?.CertDetailsToAdd?.Select(d => d.Value).ToList() ?? new List<string>())
            : Array.Empty<string>();

        IReadOnlyList<HeaderMutation> earlyAdd = Array.Empty<HeaderMutation>(), lateAdd = Array.Empty<HeaderMutation>();
        IReadOnlyList<string> earlyRemove = Array.Empty<string>(), lateRemove = Array.Empty<string>();
        if (headers.EarlyRequestHeaders is { } early)
        {
            error = BuildMutations(
                "EarlyRequestHeaders",
                early.Set?.Select(h => (h.Name, h.Value)),
                early.Add?.Select(h => (h.Name, h.Value)),
                early.AddIfAbsent?.Select(h => (h.Name, h.Value)),
                early.Remove,
                early.RemoveOnMatch?.Count ?? -1,
                out earlyAdd,
                out earlyRemove);
            if (error is not null)
            {
                return null;
            }
        }

        if (headers.LateResponseHeaders is { } late)
        {
            error = BuildMutations(
                "LateResponseHeaders",
                late.Set?.Select(h => (h.Name, h.Value)),
                late.Add?.Select(h => (h.Name, h.Value)),
                late.AddIfAbsent?.Select(h => (h.Name, h.Value)),
                late.Remove,
                late.RemoveOnMatch?.Count ?? -1,
                out lateAdd,
                out lateRemove);
            if (error is not null)
            {
                return null;
            }
        }

        uint? maxHeadersKb = null;
        if (headers.MaxRequestHeaderLimit is { } limit)
        {
            var q = GoQuantity.From(limit);
            var shown = q?.ToString() ?? limit.Value;
            if (q is null || !q.TryAsInt64(out var bytes))
            {
                error = "invalid MaxRequestHeaderLimit value " + shown;
                return null;
            }

            if (bytes < 1024 || bytes > 8192L * 1024)
            {
                error = "MaxRequestHeaderLimit value " + shown + " is out of range, must be between 1Ki and 8192Ki";
                return null;
            }

            maxHeadersKb = (uint)((bytes + 1023) / 1024);
        }

        return new HeaderSettings(
            headers.EnableEnvoyHeaders ?? false,
            headers.DisableRateLimitHeaders ?? false,
            headers.WithUnderscoresAction?.Value ?? "RejectRequest",
            requestId,
            xfccMode,
            certDetails,
            earlyAdd,
            earlyRemove,
            lateAdd,
            lateRemove,
            headers.Host?.StripTrailingHostDot ?? false,
            maxHeadersKb)
        {
            EarlyRemoveOnMatch = headers.EarlyRequestHeaders?.RemoveOnMatch is { Count: > 0 },
            LateRemoveOnMatch = headers.LateResponseHeaders?.RemoveOnMatch is { Count: > 0 },
        };
    }

    /// <summary>Returns the joined errors of one header mutation list, or null.</summary>
    private static string? BuildMutations(
        string what,
        IEnumerable<(string Name, string Value)>? set,
        IEnumerable<(string Name, string Value)>? add,
        IEnumerable<(string Name, string Value)>? addIfAbsent,
        IList<string>? remove,
        int removeOnMatchCount,
        out IReadOnlyList<HeaderMutation> adds,
        out IReadOnlyList<string> removes)
    {
        var errors = new List<string>();
        var empty = true;
        var addList = new List<HeaderMutation>();
        var removeList = new List<string>();

        void Collect(IEnumerable<(string Name, string Value)>? items, string verb, string action)
        {
            if (items is null)
            {
                return;
            }

            foreach (var (name, value) in items)
            {
                empty = false;
                if (string.IsNullOrEmpty(name))
                {
                    errors.Add($"{what} cannot {verb} a header with an empty name");
                    continue;
                }

                if (name.Contains('/', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal))
                {
                    errors.Add($"{what} cannot {verb} a header with a '/' or ':' character in them. Header: '{GoFormat.Quote(name)}'");
                    continue;
                }

                if (addList.Any(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                addList.Add(new HeaderMutation(name, value ?? string.Empty, action));
            }
        }

        Collect(add, "add", "Append");
        Collect(set, "set", "Overwrite");
        Collect(addIfAbsent, "add", "AddIfAbsent");

        if (remove is not null)
        {
            foreach (var name in remove)
            {
                empty = false;
                if (string.IsNullOrEmpty(name))
                {
                    errors.Add($"{what} cannot remove a header with an empty name");
                    continue;
                }

                if (removeList.Any(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                removeList.Add(name);
            }
        }

        if (removeOnMatchCount > 0)
        {
            empty = false;
        }

        if (addList.Count == 0 && removeList.Count == 0 && removeOnMatchCount <= 0 && !empty)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{what} did not provide valid configuration to add/set/remove any headers"));
        }

        adds = addList;
        removes = removeList;
        return errors.Count == 0 ? null : string.Join('\n', errors);
    }
}
