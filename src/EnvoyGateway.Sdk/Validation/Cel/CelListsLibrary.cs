using System.Collections;
using Cel;
using static EnvoyGateway.Sdk.Validation.CelArgs;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>The Kubernetes list library: isSorted, sum, min, max, indexOf, lastIndexOf.</summary>
internal static class CelListsLibrary
{
    public static void Register(CelEnvironment env)
    {
        var l = typeof(IList);
        var o = typeof(object);
        CelLibraries.Add(env, "isSorted", [l], a => IsSorted(List(a[0])));
        CelLibraries.Add(env, "sum", [l], a => Sum(List(a[0])));
        CelLibraries.Add(env, "min", [l], a => Extreme(List(a[0]), -1));
        CelLibraries.Add(env, "max", [l], a => Extreme(List(a[0]), 1));
        CelLibraries.Add(env, "indexOf", [l, o], a => IndexOf(List(a[0]), a[1], last: false));
        CelLibraries.Add(env, "lastIndexOf", [l, o], a => IndexOf(List(a[0]), a[1], last: true));
    }

    private static bool IsSorted(IList list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (Compare(list[i - 1], list[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static object Sum(IList list)
    {
        if (list.Count == 0)
        {
            return 0L;
        }

        if (list[0] is double)
        {
            var total = 0.0;
            foreach (var item in list)
            {
                total += ToDouble(item);
            }

            return total;
        }

        long sum = 0;
        foreach (var item in list)
        {
            sum = checked(sum + Int(item));
        }

        return sum;
    }

    private static object? Extreme(IList list, int sign)
    {
        if (list.Count == 0)
        {
            throw new CelLibraryException(sign < 0 ? "min called on an empty list" : "max called on an empty list");
        }

        var best = list[0];
        for (var i = 1; i < list.Count; i++)
        {
            if (Compare(list[i], best) * sign > 0)
            {
                best = list[i];
            }
        }

        return best;
    }

    private static long IndexOf(IList list, object? value, bool last)
    {
        if (last)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (Equal(list[i], value))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (Equal(list[i], value))
            {
                return i;
            }
        }

        return -1;
    }
}
