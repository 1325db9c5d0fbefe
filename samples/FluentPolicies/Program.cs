using System;

namespace EnvoyGateway.Sdk.Samples.FluentPolicies;

/// <summary>Prints the brief's example policies as one multi-document YAML stream.</summary>
internal static class Program
{
    public static void Main() => Console.Write(BriefPolicies.ToYaml());
}
