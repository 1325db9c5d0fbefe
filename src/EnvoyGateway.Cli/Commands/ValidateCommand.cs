using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Validation;

namespace EnvoyGateway.Cli.Commands;

/// <summary><c>egsdk validate FILE|DIR... [--format text|json]</c>: schema and CEL validation, as the API server would do it.</summary>
internal static class ValidateCommand
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliStreams streams)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "YAML/JSON files, or directories searched recursively for *.yaml, *.yml and *.json; '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: 'text' (one line per problem: file:line:column: path: rule: message) or 'json'.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("validate", "Check policies and Gateway API resources against every OpenAPI constraint and CEL rule of their CRDs.")
        {
            paths,
            format,
        };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(format)!, streams));
        return command;
    }

    internal static int Run(string[] inputs, string format, CliStreams streams)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (input == "-" || File.Exists(input))
            {
                files.Add(input);
            }
            else if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                streams.Error.WriteLine($"egsdk: {input}: no such file or directory");
                return ExitCodes.InputError;
            }
        }

        var reports = new List<ValidationReport>();
        for (var i = 0; i < files.Count; i++)
        {
            if (files.Count > 20 && i % 50 == 0)
            {
                streams.Error.WriteLine($"egsdk: validating {i + 1}/{files.Count}: {files[i]}");
            }

            try
            {
                var text = files[i] == "-" ? streams.In.ReadToEnd() : File.ReadAllText(files[i]);
                var name = files[i] == "-" ? "<stdin>" : files[i];
                foreach (var report in ResourceValidator.ValidateYaml(text, name))
                {
                    reports.Add(report);
                }
            }
            catch (ResourceLoadException e)
            {
                streams.Error.WriteLine($"egsdk: {e.Message}");
                return ExitCodes.InputError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                streams.Error.WriteLine($"egsdk: {files[i]}: cannot be read: {e.Message}");
                return ExitCodes.InputError;
            }
        }

        var errors = reports.SelectMany(r => r).ToList();
        if (format == "json")
        {
            var array = new JsonArray(errors.Select(e => (JsonNode?)new JsonObject
            {
                ["file"] = e.File,
                ["line"] = e.Position?.Line,
                ["column"] = e.Position?.Column,
                ["path"] = e.Path,
                ["rule"] = e.Rule,
                ["message"] = e.Message,
            }).ToArray());
            streams.Out.WriteLine(array.ToJsonString(Indented));
        }
        else
        {
            foreach (var error in errors)
            {
                streams.Out.WriteLine(error.ToString());
            }
        }

        streams.Error.WriteLine($"egsdk: {reports.Count} documents in {files.Count} files, {errors.Count} problems");
        return errors.Count == 0 ? ExitCodes.Success : ExitCodes.Invalid;
    }
}
