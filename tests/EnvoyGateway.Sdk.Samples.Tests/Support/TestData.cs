using System;
using System.IO;

namespace EnvoyGateway.Sdk.Samples.Tests.Support;

/// <summary>Files copied from TestData/ next to the test assembly.</summary>
internal static class TestData
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name)).ReplaceLineEndings("\n");
}
