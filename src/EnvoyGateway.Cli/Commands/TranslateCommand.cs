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
        var format = new Option<string?>("--format")
        {
            Description = "Output format: 'json', 'yaml' (status alone: a multi-document stream) or 'table' (status, for people). "
                + "Default: 'table' when standard output is a terminal and the output is status, else 'json'.",
        };
        format.AcceptOnlyFromAmong("json", "yaml", "table");

        var command = new Command("translate", "Resolve policies against Gateways and routes as Envoy Gateway does, and print the result.")
        {
            files,
            output,
            format,
        };
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(format) ?? (streams.OutIsTerminal && parse.GetValue(output) == "status" ? "table" : "json");
            return Run(parse.GetValue(files)!, parse.GetValue(output)!, chosen, streams.In, streams.Out, streams.Error);
        });
        return command;
    }

    internal static int Run(string[] inputs, string output, string format, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (format == "table" && output != "status")
        {
            stderr.WriteLine("egsdk: --format table shows policy status only; use --output status, or json/yaml for xds.");
            return ExitCodes.UsageError;
        }

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

        if (format == "table")
        {
            stdout.Write(StatusTable.Render(resolution));
            return ExitCodes.Success;
        }

        var documents = resolution.Policies.Select(StatusDocument.Create).ToList();
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
