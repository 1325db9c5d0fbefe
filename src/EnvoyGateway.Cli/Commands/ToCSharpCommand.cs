using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using EnvoyGateway.Cli.CSharp;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Cli.Commands;

/// <summary><c>egsdk to-csharp FILE [--class NAME]</c>: policy YAML to fluent builder C# code that rebuilds the same objects.</summary>
internal static class ToCSharpCommand
{
    public static Command Create(CliStreams streams)
    {
        var file = new Argument<string>("file") { Description = "A YAML or JSON file of policies or Gateway API resources; '-' reads standard input." };
        var className = new Option<string>("--class") { Description = "Name of the generated static class.", DefaultValueFactory = _ => "Resources" };
        var command = new Command("to-csharp", "Write C# that rebuilds the documents of a YAML file with the SDK's fluent builders.") { file, className };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(className)!, streams));
        return command;
    }

    internal static int Run(string file, string className, CliStreams streams)
    {
        if (CSharpLiterals.Identifier(className) != className)
        {
            streams.Error.WriteLine($"egsdk: --class '{className}' is not a C# identifier in PascalCase");
            return ExitCodes.UsageError;
        }

        IReadOnlyList<LoadedResource> resources;
        try
        {
            resources = file == "-" ? ResourceSerializer.LoadYaml(streams.In.ReadToEnd(), "<stdin>") : ResourceSerializer.LoadYaml(File.ReadAllText(file), file);
        }
        catch (ResourceLoadException e)
        {
            streams.Error.WriteLine($"egsdk: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            streams.Error.WriteLine($"egsdk: {file}: no such file");
            return ExitCodes.InputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            streams.Error.WriteLine($"egsdk: {file}: cannot be read: {e.Message}");
            return ExitCodes.InputError;
        }

        var warnings = new List<string>();
        streams.Out.Write(BuilderCodeGenerator.Generate(resources, className, warnings));
        foreach (var warning in warnings)
        {
            streams.Error.WriteLine($"egsdk: warning: {warning}");
        }

        return ExitCodes.Success;
    }
}
