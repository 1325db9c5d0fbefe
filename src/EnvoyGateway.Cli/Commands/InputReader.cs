using System;
using System.Collections.Generic;
using System.IO;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation;

namespace EnvoyGateway.Cli.Commands;

/// <summary>Reads the <c>-f</c> inputs (files, or <c>-</c> for standard input) into one <see cref="ResourceSet"/>.</summary>
internal static class InputReader
{
    /// <summary>Reads every input; on failure writes one clear message to <paramref name="error"/> and returns null.</summary>
    public static ResourceSet? Read(IReadOnlyList<string> inputs, TextReader stdin, TextWriter error)
    {
        var set = ResourceSet.Empty;
        foreach (var input in inputs)
        {
            try
            {
                set = input == "-"
                    ? set.AddYaml(stdin.ReadToEnd(), "<stdin>")
                    : set.AddYaml(File.ReadAllText(input), input);
            }
            catch (ResourceLoadException e)
            {
                error.WriteLine($"egsdk: {e.Message}");
                return null;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                error.WriteLine($"egsdk: {input}: no such file");
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"egsdk: {input}: cannot be read: {e.Message}");
                return null;
            }
        }

        return set;
    }
}
