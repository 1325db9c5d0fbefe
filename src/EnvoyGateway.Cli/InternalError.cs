using System;
using System.Diagnostics;

namespace EnvoyGateway.Cli;

/// <summary>
/// The last-resort report of an exception egsdk did not expect: one line naming the exception type and the first
/// SDK method on its stack, never a stack trace and never the exception's message (it could quote input values,
/// secrets included).
/// </summary>
internal static class InternalError
{
    /// <summary>Returns <c>Type in Class.Method</c> for the innermost exception.</summary>
    public static string Describe(Exception exception)
    {
        var root = exception.GetBaseException();
        foreach (var frame in new StackTrace(root).GetFrames())
        {
            if (frame.GetMethod() is { DeclaringType: { } type } method && type.FullName is { } name && name.StartsWith("EnvoyGateway.", StringComparison.Ordinal))
            {
                return $"{root.GetType().Name} in {OuterType(type).Name}.{MethodName(method.Name)}";
            }
        }

        return root.GetType().Name;
    }

    // A lambda is compiled to a method named "<Enclosing>b__0"; name the enclosing method.
    private static string MethodName(string name) =>
        name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? name[1..end] : name;

    // Lambdas and iterators live in compiler-generated nested types; name the type a person wrote.
    private static Type OuterType(Type type)
    {
        while (type.DeclaringType is { } outer && type.Name.Contains('<', StringComparison.Ordinal))
        {
            type = outer;
        }

        return type;
    }
}
