using System.Collections;
using Cel;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Optional values: <c>optional.of/none/ofNonZeroValue</c>, <c>hasValue()</c>, <c>value()</c>, <c>orValue()</c>. The Cel
/// package parses <c>self.?field</c> as a plain selection that yields the value or its missing-field marker; these
/// functions accept both.
/// </summary>
internal static class CelOptionalLibrary
{
    public static void Register(CelEnvironment env)
    {
        var o = typeof(object);
        var ns = typeof(CelNamespaces);
        CelLibraries.Add(env, "of", [ns, o], a => CelOptional.Of(a[1]));
        CelLibraries.Add(env, "none", [ns], _ => CelOptional.None);
        CelLibraries.Add(env, "ofNonZeroValue", [ns, o], a => IsZero(a[1]) ? CelOptional.None : CelOptional.Of(a[1]));
        CelLibraries.Add(env, "hasValue", [o], a => Unwrap(a[0]).HasValue);
        CelLibraries.Add(env, "value", [o], a => Unwrap(a[0]) is { HasValue: true } opt ? opt.Value : throw new CelLibraryException("optional.none() dereference"));
        CelLibraries.Add(env, "orValue", [o, o], a => Unwrap(a[0]) is { HasValue: true } opt ? opt.Value : a[1]);
        CelLibraries.Add(env, CelHasRewriter.FunctionName, [o, typeof(string)], a => HasField(a[0], (string)a[1]!));
    }

    /// <summary><c>has(x.f)</c> with map-key semantics: a present key counts even when its value is empty.</summary>
    private static bool HasField(object? target, string field) => target switch
    {
        System.Collections.Generic.IDictionary<string, object?> map => map.ContainsKey(field),
        System.Collections.IDictionary map => map.Contains(field),
        _ when CelLibraries.IsNoSuchField(target) => throw new CelLibraryException("no such key"),
        _ => throw new CelLibraryException($"has() applied to a {CelArgs.Describe(target)}"),
    };

    private static CelOptional Unwrap(object? value) => value switch
    {
        CelOptional optional => optional,
        _ when CelLibraries.IsNoSuchField(value) => CelOptional.None,
        _ => CelOptional.Of(value),
    };

    private static bool IsZero(object? value) => value switch
    {
        null => true,
        long l => l == 0,
        int i => i == 0,
        double d => d == 0,
        string s => s.Length == 0,
        bool b => !b,
        ICollection c => c.Count == 0,
        _ => false,
    };
}

/// <summary>An optional value.</summary>
internal sealed record CelOptional(bool HasValue, object? Value)
{
    public static CelOptional None { get; } = new(false, null);

    public static CelOptional Of(object? value) => new(true, value);
}
