using System.IO;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Testing.Tests;

/// <summary>The engine's documented scenario (a Gateway, three routes, policies at every level).</summary>
internal static class Scenario
{
    public static readonly PolicyScenario Edge = PolicyScenario.FromFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scenario.yaml"));
}
