namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Marker values bound to the identifiers <c>format</c>, <c>optional</c>, <c>strings</c> and <c>math</c>, so that
/// namespaced library calls such as <c>format.dns1123Label()</c> or <c>optional.none()</c> become member calls on a
/// marker the Cel package can dispatch on.
/// </summary>
internal sealed class CelNamespaces
{
    private CelNamespaces(string name)
    {
        Name = name;
    }

    public static CelNamespaces Format { get; } = new("format");

    public static CelNamespaces Optional { get; } = new("optional");

    public static CelNamespaces Strings { get; } = new("strings");

    public static CelNamespaces Math { get; } = new("math");

    public string Name { get; }

    public override string ToString() => Name;
}
