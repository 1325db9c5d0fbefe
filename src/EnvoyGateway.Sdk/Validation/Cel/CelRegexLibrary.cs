using System.Collections.Generic;
using Cel;
using static EnvoyGateway.Sdk.Validation.CelArgs;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// <c>matches</c> (replacing the Cel package's, so every pattern runs through <see cref="PatternCache"/>: compiled once,
/// linear-time) and the Kubernetes regex library: <c>find</c>, <c>findAll</c>.
/// </summary>
internal static class CelRegexLibrary
{
    public static void Register(CelEnvironment env)
    {
        var s = typeof(string);
        CelLibraries.Add(env, "matches", [s, s], a => Regex(Str(a[1])).IsMatch(Str(a[0])));
        CelLibraries.Add(env, "find", [s, s], a => Regex(Str(a[1])).Match(Str(a[0])) is { Success: true } m ? m.Value : string.Empty);
        CelLibraries.Add(env, "findAll", [s, s], a => FindAll(Str(a[0]), Str(a[1]), -1));
        CelLibraries.Add(env, "findAll", [s, s, typeof(object)], a => FindAll(Str(a[0]), Str(a[1]), Int(a[2])));
    }

    private static System.Text.RegularExpressions.Regex Regex(string pattern)
    {
        var (regex, problem) = PatternCache.Get(pattern);
        return regex ?? throw new CelLibraryException($"invalid regular expression '{pattern}': {problem}");
    }

    private static List<object?> FindAll(string text, string pattern, long limit)
    {
        var result = new List<object?>();
        if (limit == 0)
        {
            return result;
        }

        foreach (System.Text.RegularExpressions.Match match in Regex(pattern).Matches(text))
        {
            result.Add(match.Value);
            if (limit > 0 && result.Count >= limit)
            {
                break;
            }
        }

        return result;
    }
}
