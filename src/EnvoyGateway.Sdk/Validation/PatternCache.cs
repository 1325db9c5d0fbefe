using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Compiles each schema or CEL regular expression once per process. Patterns run with
/// <see cref="RegexOptions.NonBacktracking"/> (linear time, like Go's RE2-based regexp); the few constructs it does
/// not support fall back to the backtracking engine with a one-second timeout.
/// </summary>
internal static class PatternCache
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<string, Lazy<(Regex? Regex, string? Problem)>> Cache = new(StringComparer.Ordinal);

    /// <summary>Returns whether <paramref name="text"/> contains a match, or <see langword="null"/> with a problem when the pattern cannot run.</summary>
    public static bool? IsMatch(string pattern, string text, out string? problem)
    {
        var (regex, error) = Get(pattern);
        problem = error;
        if (regex is null)
        {
            return null;
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            problem = "the match timed out";
            return null;
        }
    }

    /// <summary>The compiled pattern, or <see langword="null"/> and a problem.</summary>
    public static (Regex? Regex, string? Problem) Get(string pattern) =>
        Cache.GetOrAdd(pattern, p => new Lazy<(Regex?, string?)>(() => Compile(p))).Value;

    private static (Regex?, string?) Compile(string pattern)
    {
        try
        {
            return (new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant), null);
        }
        catch (NotSupportedException)
        {
            // Fall through to the backtracking engine, bounded by a timeout.
        }
        catch (ArgumentException exception)
        {
            return (null, exception.Message);
        }

        try
        {
            return (new Regex(pattern, RegexOptions.CultureInvariant, Timeout), null);
        }
        catch (ArgumentException exception)
        {
            return (null, exception.Message);
        }
    }
}
