using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using EnvoyGateway.Sdk.Generators.Diagnostics;
using EnvoyGateway.Sdk.Generators.Emit;
using EnvoyGateway.Sdk.Generators.Model;
using EnvoyGateway.Sdk.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EnvoyGateway.Sdk.Generators;

/// <summary>
/// Generates C# models, string enums and fluent builders from Kubernetes CustomResourceDefinitions passed as
/// <c>AdditionalFiles</c> (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>), plus a module initializer registering the kinds.
/// </summary>
/// <remarks>
/// Pipeline: additional files -> (path, text, options) strings -> one parse per file into an equatable model and
/// diagnostics -> one unit per CRD version -> source. No step holds symbols, syntax or the compilation.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class CrdGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<GlobalOptions> globalOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => InputReader.ReadGlobal(options))
            .WithTrackingName(TrackingNames.GlobalOptions);

        IncrementalValuesProvider<CrdInput> inputs = context.AdditionalTextsProvider
            .Where(static file => InputReader.HasCrdExtension(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => InputReader.Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.InputFiles);

        IncrementalValuesProvider<CrdFileResult> parsed = inputs
            .Select(static (input, cancellationToken) => CrdParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedFiles);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.FileDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (context, items) => Report(context, items));

        IncrementalValuesProvider<CrdVersionModel> versions = parsed
            .SelectMany(static (result, _) => result.Versions)
            .WithTrackingName(TrackingNames.CrdVersions);

        IncrementalValueProvider<EquatableArray<HintKey>> hintKeys = versions
            .Select(static (model, _) => new HintKey(model.HintStem, model.SourcePath, model.Document, model.Namespace))
            .Collect()
            .Select(static (keys, _) => HintNames.Sort(keys))
            .WithTrackingName(TrackingNames.HintKeys);

        IncrementalValuesProvider<EmitUnit> units = versions
            .Combine(hintKeys)
            .Select(static (pair, _) => new EmitUnit(pair.Left, HintNames.Resolve(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.EmitUnits);
        context.RegisterSourceOutput(units, static (context, unit) => Emit(context, unit));

        IncrementalValueProvider<(EquatableArray<KindRegistration> Kinds, GlobalOptions Options)> kinds = versions
            .Select(static (model, _) => KindRegistration.From(model))
            .Collect()
            .Select(static (registrations, _) => SortedDistinct(registrations))
            .Combine(globalOptions)
            .WithTrackingName(TrackingNames.KindTypes);
        context.RegisterSourceOutput(kinds, static (context, pair) => EmitRegistry(context, pair.Kinds, pair.Options));
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo info in diagnostics)
        {
            context.ReportDiagnostic(info.ToDiagnostic());
        }
    }

    private static void Emit(SourceProductionContext context, EmitUnit unit)
    {
        try
        {
            foreach (GeneratedSource source in CrdEmitter.Emit(unit.Model, unit.HintStem))
            {
                context.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(InternalError(unit.Model.SourcePath, e));
        }
    }

    private static void EmitRegistry(SourceProductionContext context, EquatableArray<KindRegistration> kinds, GlobalOptions options)
    {
        if (kinds.Count == 0)
        {
            return;
        }

        try
        {
            context.AddSource(KindRegistryEmitter.HintName, SourceText.From(KindRegistryEmitter.Emit(options.RegistryNamespace, kinds), System.Text.Encoding.UTF8));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(InternalError(KindRegistryEmitter.HintName, e));
        }
    }

    private static Diagnostic InternalError(string path, Exception e) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, path, SourceSpan.FileStart, path, e.GetType().Name + ": " + e.Message).ToDiagnostic();

    /// <summary>Sorted by kind type; when two inputs generate the same type, the first in that order is kept.</summary>
    private static EquatableArray<KindRegistration> SortedDistinct(ImmutableArray<KindRegistration> registrations)
    {
        var byType = new SortedDictionary<string, KindRegistration>(StringComparer.Ordinal);
        foreach (KindRegistration registration in registrations)
        {
            if (!byType.TryGetValue(registration.KindType, out KindRegistration? kept) || Compare(registration, kept) < 0)
            {
                byType[registration.KindType] = registration;
            }
        }

        var result = new KindRegistration[byType.Count];
        byType.Values.CopyTo(result, 0);
        return new EquatableArray<KindRegistration>(result);
    }

    /// <summary>A total order, so the kept registration does not depend on the order Roslyn collects them in.</summary>
    private static int Compare(KindRegistration x, KindRegistration y)
    {
        int result = StringComparer.Ordinal.Compare(x.ApiVersion, y.ApiVersion);
        result = result != 0 ? result : StringComparer.Ordinal.Compare(x.Kind, y.Kind);
        return result != 0 ? result : StringComparer.Ordinal.Compare(x.SchemaJson, y.SchemaJson);
    }
}
