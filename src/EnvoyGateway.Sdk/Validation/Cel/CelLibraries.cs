using System;
using Cel;
using Cel.Internal;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>Registers the Kubernetes CEL libraries the Cel package lacks.</summary>
internal static class CelLibraries
{
    public static void RegisterAll(CelEnvironment environment)
    {
        CelStringsLibrary.Register(environment);
        CelListsLibrary.Register(environment);
        CelRegexLibrary.Register(environment);
        CelUrlLibrary.Register(environment);
        CelIpLibrary.Register(environment);
        CelQuantityLibrary.Register(environment);
        CelFormatLibrary.Register(environment);
        CelOptionalLibrary.Register(environment);
    }

    /// <summary>Whether a value is the Cel package's marker for a missing field (<c>self.?x</c> on an absent x).</summary>
    public static bool IsNoSuchField(object? value) => value is not null && value.GetType().Name == "CelNoSuchField";

    /// <summary>Shorthand for registering one overload.</summary>
    public static void Add(CelEnvironment environment, string name, Type[] types, Func<object?[], object?> function) =>
        environment.RegisterFunction(name, types, new CelFunctionDelegate(args => function(args)!));
}
