using System.IO;
using System.Linq;
using EnvoyGateway.Sdk.TestSupport;

namespace EnvoyGateway.Sdk.Validation.Tests;

/// <summary>Registers the CRDs in the repository's schemas/ folder (once per test run).</summary>
internal static class OurSchemas
{
    private static readonly object Gate = new();
    private static bool loaded;

    public static string Folder => Path.Combine(SharedMaterial.RepositoryRoot, "schemas");

    public static string[] Files => Directory.GetFiles(Folder, "*.yaml").OrderBy(f => f, System.StringComparer.Ordinal).ToArray();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (loaded)
            {
                return;
            }

            foreach (var file in Files)
            {
                SchemaRegistry.LoadCrdFile(file);
            }

            loaded = true;
        }
    }

    /// <summary>Validates a one-document YAML text against our schemas.</summary>
    public static ValidationReport Validate(string yaml)
    {
        EnsureRegistered();
        var reports = ResourceValidator.ValidateYaml(yaml, "case.yaml");
        NUnit.Framework.Assert.That(reports, NUnit.Framework.Has.Count.EqualTo(1));
        return reports[0];
    }
}
