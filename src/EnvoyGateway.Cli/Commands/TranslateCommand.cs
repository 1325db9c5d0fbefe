using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Cli.Output;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation;
using EnvoyGateway.Sdk.Translation.Xds;

namespace EnvoyGateway.Cli.Commands;

/// <summary><c>egsdk translate -f FILE... [--output status|xds|all] [--format json|yaml]</c>.</summary>
internal static class TranslateCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliStreams streams)
    {
        var files = new Option<string[]>("--file", "-f")
        {
            Description = "Input YAML or JSON file (repeatable); '-' reads standard input.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "What to print: 'status' (every policy with the status Envoy Gateway would give it), 'xds' (an Envoy "
                + "ConfigDump per Gateway, keyed \"<namespace>/<gateway>\") or 'all' ({\"status\": [...], \"xds\": {...}}).",
            DefaultValueFactory = _ => "status",
        };
        output.AcceptOnlyFromAmong("status", "xds", "all");
        var format = new Option<string>("--format")
        {
            Description = "Output format: 'json' or 'yaml' (status alone: a multi-document stream).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "yaml");

        var command = new Command("translate", "Resolve policies against Gateways and routes as Envoy Gateway does, and print the result.")
        {
            files,
            output,
            format,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(output)!, parse.GetValue(format)!, streams.In, streams.Out, streams.Error));
        return command;
    }

    internal static int Run(string[] inputs, string output, string format, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var resources = InputReader.Read(inputs, stdin, stderr);
        if (resources is null)
        {
            return ExitCodes.InputError;
        }

        PolicyResolution resolution;
        try
        {
            resolution = PolicyResolver.Resolve(resources);
        }
        catch (ResourceLoadException e)
        {
            stderr.WriteLine($"egsdk: {e.Message}");
            return ExitCodes.InputError;
        }

        foreach (var ignored in resolution.IgnoredResources)
        {
            stderr.WriteLine($"egsdk: warning: {ignored.File}:{ignored.Start.Line}:{ignored.Start.Column}: ignoring {ignored.ApiVersion} {ignored.Kind} "
                + $"{ignored.Namespace}/{ignored.Name}: not a kind egsdk reads");
        }

        // Sorted, not in input order, so that reordering the input documents does not change the output.
        var documents = resolution.Policies
            .OrderBy(p => p.Kind, StringComparer.Ordinal)
            .ThenBy(p => p.Namespace, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(StatusDocument.Create)
            .ToList();
        if (output == "status")
        {
            if (format == "yaml")
            {
                stdout.Write(ResourceSerializer.ToYaml(documents));
            }
            else
            {
                stdout.WriteLine(new JsonArray(documents.ToArray<JsonNode?>()).ToJsonString(Indented));
            }

            return ExitCodes.Success;
        }

        var gateways = XdsTranslator.Translate(resolution);
        foreach (var gateway in gateways)
        {
            foreach (var warning in gateway.Warnings)
            {
                stderr.WriteLine($"egsdk: warning: {gateway.Gateway}: {warning}");
            }
        }

        JsonNode result = output == "xds"
            ? XdsDocument.Create(gateways)
            : new JsonObject { ["status"] = new JsonArray(documents.ToArray<JsonNode?>()), ["xds"] = XdsDocument.Create(gateways) };
        if (format == "yaml")
        {
            stdout.Write(ResourceSerializer.ToYaml([result]));
        }
        else
        {
            stdout.WriteLine(result.ToJsonString(Indented));
        }

        return ExitCodes.Success;
    }
}
