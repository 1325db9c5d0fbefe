using System;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Marks a generated builder method that adds one item to a list property (<c>AddTargetRef</c> adds to
/// <c>TargetRefs</c>). The method name is the singular of the property name, which tools that write builder code
/// (<c>egsdk to-csharp</c>) cannot always guess: it falls back to <c>Add</c> + the property name when the singular is
/// taken by another member.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ListItemAdderAttribute : Attribute
{
    /// <summary>Marks an adder of <paramref name="propertyName"/>.</summary>
    /// <param name="propertyName">The C# name of the list property on the built class.</param>
    public ListItemAdderAttribute(string propertyName)
    {
        PropertyName = propertyName;
    }

    /// <summary>The C# name of the list property on the built class that the method adds to.</summary>
    public string PropertyName { get; }
}
