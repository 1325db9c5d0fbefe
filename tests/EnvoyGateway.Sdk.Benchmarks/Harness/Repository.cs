using System;
using System.IO;

namespace EnvoyGateway.Sdk.Benchmarks.Harness;

/// <summary>Paths of the checkout (the folder holding Sdk.sln) and of ../shared beside it.</summary>
internal static class Repository
{
    public static string Root { get; } = Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the benchmarks from a checkout: no Sdk.sln above the current directory.");

    public static string Shared(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", relative));
        return Directory.Exists(path) || File.Exists(path)
            ? path
            : throw new InvalidOperationException($"This suite reads ../shared/{relative}, which is not beside the checkout at {Root}.");
    }

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
