using System;
using System.IO;

namespace EnvoyGateway.Sdk.Envoy.Tests;

/// <summary>Finds the repository checkout the tests were built from.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string EnvoyProject => Path.Combine(Root, "src", "EnvoyGateway.Sdk.Envoy", "EnvoyGateway.Sdk.Envoy.csproj");

    /// <summary>The configuration this test assembly (and so its project references) was built in.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Sdk.sln above {AppContext.BaseDirectory}");
    }
}
