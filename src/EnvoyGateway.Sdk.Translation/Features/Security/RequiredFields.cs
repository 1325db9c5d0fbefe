using System.Collections.Generic;
using System.Globalization;

namespace EnvoyGateway.Sdk.Translation.Features.Security;

/// <summary>
/// What the CRD schema requires but a file on disk can still leave out: a required field, or a list item written as
/// <c>null</c>. The API server refuses both, so Envoy Gateway never sees them; here the feature fails with a message
/// naming the field (the policy is not accepted, its routes answer 500) instead of a builder crashing on it.
/// </summary>
internal static class RequiredFields
{
    /// <summary><c>&lt;path&gt; must be specified</c>, for a required field that is absent or null.</summary>
    public static string Missing(string path) => path + " must be specified";

    /// <summary><c>&lt;path&gt;[i] must not be null</c> for the first null item of <paramref name="items"/>, or null.</summary>
    public static string? NullItem<T>(IEnumerable<T?>? items, string path)
        where T : class
    {
        var index = 0;
        foreach (var item in items ?? [])
        {
            if (item is null)
            {
                return Item(path, index) + " must not be null";
            }

            index++;
        }

        return null;
    }

    /// <summary><c>&lt;path&gt;[i]</c>.</summary>
    public static string Item(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
