using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Packaging.Tests;

/// <summary>
/// Packs EnvoyGateway.Sdk and EnvoyGateway.Sdk.Generators into a local folder feed, then builds and runs a fresh
/// project outside the repository that consumes them as NuGet packages: the generator runs from the package
/// (analyzer + its YamlDotNet + build props), not from a project reference.
/// </summary>
[NonParallelizable]
public sealed class PackedConsumerTests
{
    private static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    [Test]
    [CancelAfter(600_000)]
    public void A_fresh_project_gets_typed_models_builders_and_validation_from_the_packages()
    {
        var root = SharedMaterial.RepositoryRoot;
        var work = Directory.CreateTempSubdirectory("egsdk-packages-");
        try
        {
            var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            var feed = Path.Combine(work.FullName, "feed");
            foreach (var project in new[] { "src/EnvoyGateway.Sdk/EnvoyGateway.Sdk.csproj", "generators/EnvoyGateway.Sdk.Generators/EnvoyGateway.Sdk.Generators.csproj" })
            {
                var pack = Dotnet(root, "pack", Path.Combine(root, project), "-c", Configuration, "--no-build", "-o", feed, $"-p:PackageVersion={version}", "-nologo");
                Assert.That(pack.ExitCode, Is.Zero, pack.Output);
            }

            Assert.That(Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName), Is.SupersetOf(new[]
            {
                $"EnvoyGateway.Sdk.{version}.nupkg",
                $"EnvoyGateway.Sdk.Generators.{version}.nupkg",
            }));

            var consumer = Path.Combine(work.FullName, "consumer");
            Directory.CreateDirectory(Path.Combine(consumer, "crds"));
            var sample = Path.Combine(root, "samples", "BringYourOwnCrd");
            File.Copy(Path.Combine(sample, "Program.cs"), Path.Combine(consumer, "Program.cs"));
            File.Copy(Path.Combine(sample, "crds", "rollouts.contoso.com.yaml"), Path.Combine(consumer, "crds", "rollouts.contoso.com.yaml"));
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <RootNamespace>Contoso</RootNamespace>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="EnvoyGateway.Sdk" Version="{version}" />
                    <PackageReference Include="EnvoyGateway.Sdk.Generators" Version="{version}" PrivateAssets="all" />
                    <AdditionalFiles Include="crds/*.yaml" EgsdkNamespace="Contoso.Models" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="egsdk-test-feed" value="{feed}" />
                  </packageSources>
                </configuration>
                """);

            var build = Dotnet(consumer, "build", "-c", "Release", "-nologo");
            Assert.That(build.ExitCode, Is.Zero, build.Output);
            Assert.That(build.Output, Does.Not.Contain("CS8785"), "the generator must load from the package");

            var run = Dotnet(consumer, "run", "-c", "Release", "--no-build");
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            Assert.That(run.Output, Does.Contain("kind: Rollout"));
            Assert.That(run.Output, Does.Contain("pauseBetweenSteps: 30s"));
            Assert.That(run.Output, Does.Contain("spec.steps[0].weight: maximum:"));
            Assert.That(run.Output, Does.Contain("spec: cel: every step weight is a percentage"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // `dotnet test` sets MSBuild variables that would leak into the child build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + stderr.Result;
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
