using System;
using System.IO;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.TestSupport;

/// <summary>
/// Locates the repository checkout and the <c>../shared</c> folder (upstream CRDs, conformance corpora) beside it.
/// </summary>
/// <remarks>
/// Tests that need <c>../shared</c> call <see cref="Require"/>: in a user's clone without it they are skipped with a
/// clear message; with <c>EGSDK_REQUIRE_SHARED=1</c> (set by <c>.ci/run</c>) a missing folder fails them instead.
/// Linked into every test project from tests/Shared.
/// </remarks>
internal static class SharedMaterial
{
    public const string RequireVariable = "EGSDK_REQUIRE_SHARED";

    /// <summary>The repository root (the folder holding Sdk.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The <c>shared</c> folder beside the checkout, or null when absent.</summary>
    public static string? SharedRoot
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>Returns the path of <paramref name="relative"/> inside ../shared, or skips/fails the test when unavailable.</summary>
    public static string Require(string relative = "")
    {
        var root = SharedRoot;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is not null && (Directory.Exists(path) || File.Exists(path)))
        {
            return path;
        }

        var message = $"This test reads ../shared/{relative} (upstream CRDs and conformance corpora), which is not beside the checkout at {RepositoryRoot}.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail(message + $" {RequireVariable}=1 makes that a failure.");
        }

        Assert.Ignore(message + $" Skipped; set {RequireVariable}=1 to make it fail instead.");
        return string.Empty;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Sdk.sln above {AppContext.BaseDirectory}: tests must run from a repository checkout.");
    }
}
