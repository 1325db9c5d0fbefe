using System.Collections.Generic;

namespace EnvoyGateway.Sdk.Generators.Tests.Support;

/// <summary>A CRD input for a generator run: path, text and the optional per-file MSBuild metadata.</summary>
internal sealed record CrdFile(string Path, string Text, string? Namespace = null, string? Versions = null)
{
    /// <summary>The <c>build_metadata.AdditionalFiles.*</c> options this file carries.</summary>
    public Dictionary<string, string> Metadata()
    {
        var values = new Dictionary<string, string>();
        if (Namespace is not null)
        {
            values["build_metadata.AdditionalFiles.EgsdkNamespace"] = Namespace;
        }

        if (Versions is not null)
        {
            values["build_metadata.AdditionalFiles.EgsdkVersions"] = Versions;
        }

        return values;
    }
}
