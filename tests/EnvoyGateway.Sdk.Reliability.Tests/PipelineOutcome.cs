using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EnvoyGateway.Sdk.Runtime;
using EnvoyGateway.Sdk.Translation;
using EnvoyGateway.Sdk.Translation.Xds;
using EnvoyGateway.Sdk.Validation;

namespace EnvoyGateway.Sdk.Reliability.Tests;

/// <summary>
/// What the public API makes of one input: load (<see cref="ResourceSet.FromYaml"/>), schema validation
/// (<see cref="ResourceValidator.ValidateYaml"/>), resolution (<see cref="PolicyResolver.Resolve"/>) and xDS
/// translation (<see cref="XdsTranslator"/>, which runs the PGV rules). Documented exceptions
/// (<see cref="ResourceLoadException"/>) are outcomes; any other exception escapes to the caller.
/// </summary>
internal sealed class PipelineOutcome
{
    /// <summary>The clock the translator checks certificates against, fixed so outcomes are reproducible.</summary>
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>"ok" or the load error's message.</summary>
    public string Load { get; private set; } = "ok";

    /// <summary>The error's JSON path, when the load error names one.</summary>
    public string? LoadPath { get; private set; }

    /// <summary>The number of resources loaded (when the load succeeded).</summary>
    public int Resources { get; private set; }

    /// <summary>"ok", the resolve error's message, or null when loading failed.</summary>
    public string? Resolve { get; private set; }

    /// <summary>Every policy condition: <c>Kind ns/name @ AncestorKind ns/name: Type=Status Reason: message</c>.</summary>
    public List<string> Status { get; } = [];

    /// <summary>Every validation problem as <c>path: rule</c>, or one line <c>load: message</c>.</summary>
    public List<string> Validate { get; } = [];

    /// <summary>Every validation problem in full (for secret checks).</summary>
    public List<string> ValidationMessages { get; } = [];

    /// <summary>xDS translator warnings (PGV violations included).</summary>
    public List<string> XdsWarnings { get; } = [];

    /// <summary>The slowest stage.</summary>
    public TimeSpan Slowest { get; private set; }

    /// <summary>The name of the slowest stage.</summary>
    public string SlowestStage { get; private set; } = "load";

    public static PipelineOutcome Run(string text, string fileName)
    {
        var outcome = new PipelineOutcome();
        ResourceSet? set = null;
        outcome.Time("load", () =>
        {
            try
            {
                set = ResourceSet.FromYaml(text, fileName);
                outcome.Resources = set.Resources.Length;
            }
            catch (ResourceLoadException e)
            {
                outcome.Load = e.Message;
                outcome.LoadPath = e.Path;
            }
        });

        outcome.Time("validate", () => outcome.RunValidation(text, fileName));
        if (set is null)
        {
            return outcome;
        }

        outcome.Time("resolve+translate", () => outcome.RunResolution(set));
        return outcome;
    }

    private void RunValidation(string text, string fileName)
    {
        Validate.Clear();
        ValidationMessages.Clear();
        try
        {
            foreach (var error in ResourceValidator.ValidateYaml(text, fileName).SelectMany(r => r))
            {
                Validate.Add(error.Path + ": " + error.Rule);
                ValidationMessages.Add(error.ToString());
            }
        }
        catch (ResourceLoadException e)
        {
            Validate.Add("load: " + e.Message);
            ValidationMessages.Add(e.ToString());
        }
    }

    private void RunResolution(ResourceSet set)
    {
        Status.Clear();
        XdsWarnings.Clear();
        PolicyResolution resolution;
        try
        {
            resolution = PolicyResolver.Resolve(set);
        }
        catch (ResourceLoadException e)
        {
            Resolve = e.Message;
            return;
        }

        Resolve = "ok";
        foreach (var policy in resolution.Policies)
        {
            foreach (var ancestor in policy.Ancestors)
            {
                var where = ancestor.AncestorRef.Kind + " " + ancestor.AncestorRef.Namespace + "/" + ancestor.AncestorRef.Name
                    + (ancestor.AncestorRef.SectionName is { } section ? "#" + section : string.Empty);
                foreach (var condition in ancestor.Conditions)
                {
                    Status.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{policy.Kind} {policy.Namespace}/{policy.Name} @ {where}: {condition.Type}={condition.Status} {condition.Reason}: {condition.Message}"));
                }
            }
        }

        foreach (var gateway in XdsTranslator.Translate(resolution, Now))
        {
            XdsWarnings.AddRange(gateway.Warnings.Select(w => gateway.Gateway + ": " + w));
        }
    }

    private void Time(string stage, Action action)
    {
        var elapsed = Timed.Run(action);
        if (elapsed > Slowest)
        {
            Slowest = elapsed;
            SlowestStage = stage;
        }
    }
}
