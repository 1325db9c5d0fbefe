using System.Collections.Generic;
using System.Globalization;

namespace EnvoyGateway.Sdk.Generators.Naming;

/// <summary>
/// A set of claimed C# names. Claims are made in schema path order, so the result is a pure function of the schema:
/// a name already taken gets the first free numeric suffix (<c>2</c>, <c>3</c>, ...).
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal);

    /// <summary>Creates a scope with names that may never be claimed.</summary>
    public NameScope(params string[] reserved)
    {
        foreach (string name in reserved)
        {
            _taken.Add(name);
        }
    }

    /// <summary>Marks a name as taken without checking.</summary>
    public void Reserve(string name) => _taken.Add(name);

    /// <summary>Claims exactly <paramref name="name"/> if it is free; never renames.</summary>
    /// <returns>Whether the name was free (and is now taken).</returns>
    public bool TryClaim(string name) => _taken.Add(name);

    /// <summary>
    /// Claims <paramref name="candidate"/> (plus the companion names <c>candidate + companionSuffix</c> and
    /// <c>companionPrefix + candidate</c> when given), renaming with a numeric suffix until all are free.
    /// </summary>
    /// <param name="candidate">The preferred name.</param>
    /// <param name="companionSuffix">A suffix whose combined name must be free too (e.g. <c>Builder</c>).</param>
    /// <param name="companionPrefix">A prefix whose combined name must be free too (e.g. <c>Add</c>).</param>
    /// <returns>The claimed name; equals <paramref name="candidate"/> unless a collision was resolved.</returns>
    public string Claim(string candidate, string? companionSuffix = null, string? companionPrefix = null)
    {
        string name = candidate;
        for (int i = 2; !IsFree(name, companionSuffix, companionPrefix); i++)
        {
            name = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        _taken.Add(name);
        if (companionSuffix is not null)
        {
            _taken.Add(name + companionSuffix);
        }

        if (companionPrefix is not null)
        {
            _taken.Add(companionPrefix + name);
        }

        return name;
    }

    private bool IsFree(string name, string? companionSuffix, string? companionPrefix) =>
        !_taken.Contains(name)
        && (companionSuffix is null || !_taken.Contains(name + companionSuffix))
        && (companionPrefix is null || !_taken.Contains(companionPrefix + name));
}
