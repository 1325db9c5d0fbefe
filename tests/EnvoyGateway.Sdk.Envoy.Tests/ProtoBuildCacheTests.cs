using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Envoy.Tests;

/// <summary>
/// The proto build: cached after the first build (no npm, no protoc on a no-change rebuild) and a single clear
/// error when the package is neither cached nor downloadable.
/// </summary>
[NonParallelizable]
public sealed class ProtoBuildCacheTests
{
    [Test]
    [CancelAfter(300_000)]
    public void No_change_rebuild_runs_neither_npm_nor_protoc()
    {
        var result = Dotnet(new Dictionary<string, string?>(),
            "build", RepositoryLayout.EnvoyProject, "-c", RepositoryLayout.Configuration, "--no-restore", "-nr:false", "-v:d", "-nologo");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Tail);
        Assert.That(result.Output, Does.Contain("Target \"Protobuf_Compile\""), "precondition: the log is detailed enough to show targets");
        Assert.That(result.Output, Does.Not.Contain("Target \"FetchEnvoyProtos\" in file"), "the npm fetch target must not run");
        Assert.That(result.Output, Does.Not.Contain("npm pack"));
        Assert.That(result.Output, Does.Not.Contain("--csharp_out"), "protoc must not run");
    }

    [Test]
    [CancelAfter(300_000)]
    public void Without_cache_or_registry_the_build_fails_with_one_clear_error()
    {
        var scratch = Directory.CreateTempSubdirectory("egsdk-offline-");
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["npm_config_registry"] = "http://127.0.0.1:9/",
                ["npm_config_cache"] = Path.Combine(scratch.FullName, "npm-cache"),
                ["npm_config_offline"] = "true",
            };
            var result = Dotnet(environment,
                "msbuild", RepositoryLayout.EnvoyProject, "-t:FetchEnvoyProtos", "-nr:false", "-nologo", "-v:m",
                $"-p:XdsNpmDir={scratch.FullName}/npm/", "-p:XdsNpmFetchRetries=0");

            Assert.That(result.ExitCode, Is.Not.EqualTo(0));
            var errors = result.Output.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).ToList();
            Assert.That(errors, Has.Count.EqualTo(1), result.Output);
            Assert.That(errors[0], Does.Contain("EGSDK0002"));
            Assert.That(errors[0], Does.Contain("Could not download @grpc/grpc-js-xds@1.14.1 with npm"));
            Assert.That(result.Output, Does.Not.Contain("protoc"));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output, string Tail) Dotnet(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryLayout.Root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // The test host's own MSBuild variables (set by `dotnet test`) would leak into the child build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + stderr.Result;
        process.WaitForExit();
        var tail = string.Join('\n', output.Split('\n').TakeLast(40));
        return (process.ExitCode, output, tail);
    }
}
