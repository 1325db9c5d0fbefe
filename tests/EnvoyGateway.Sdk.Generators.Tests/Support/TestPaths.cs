using System;
using System.IO;

namespace EnvoyGateway.Sdk.Generators.Tests.Support;

/// <summary>Locates this test project's source folder (TestData, Baselines) from the test assembly.</summary>
internal static class TestPaths
{
    private const string ProjectFile = "EnvoyGateway.Sdk.Generators.Tests.csproj";

    /// <summary>The folder holding the test project file.</summary>
    public static string ProjectDirectory { get; } = FindProjectDirectory();

    /// <summary>The test CRDs.</summary>
    public static string TestData => Path.Combine(ProjectDirectory, "TestData");

    /// <summary>The checked-in snapshot baselines.</summary>
    public static string Baselines => Path.Combine(ProjectDirectory, "Baselines");

    /// <summary>Reads a file from <see cref="TestData"/>.</summary>
    public static string ReadTestData(string fileName) => File.ReadAllText(Path.Combine(TestData, fileName));

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return dir.FullName;
            }

            string nested = Path.Combine(dir.FullName, "tests", "EnvoyGateway.Sdk.Generators.Tests");
            if (File.Exists(Path.Combine(nested, ProjectFile)))
            {
                return nested;
            }
        }

        throw new InvalidOperationException($"No {ProjectFile} above {AppContext.BaseDirectory}: tests must run from a repository checkout.");
    }
}
