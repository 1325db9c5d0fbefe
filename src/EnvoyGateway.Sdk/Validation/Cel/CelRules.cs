using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Cel;
using Google.Protobuf.Reflection;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// The process-wide CEL environment (the <c>Cel</c> package plus the Kubernetes libraries in <see cref="CelLibraries"/>)
/// and the cache that compiles each distinct rule text once. Evaluation is serialised: the environment is not
/// documented as thread-safe.
/// </summary>
internal static partial class CelRules
{
    private static readonly object Gate = new();
    private static readonly CelEnvironment Environment = CreateEnvironment();
    private static readonly ConcurrentDictionary<string, Lazy<(CelProgramDelegate? Program, string? Problem)>> Cache = new(StringComparer.Ordinal);

    /// <summary>Gets how many distinct rule texts were compiled so far (for tests of the cache).</summary>
    public static int CompiledCount => Cache.Count;

    /// <summary>Evaluates <paramref name="expression"/> with <c>self</c> bound to <paramref name="self"/>.</summary>
    public static CelOutcome Evaluate(string expression, object? self)
    {
        if (OldSelf().IsMatch(expression))
        {
            return new CelOutcome(CelOutcomeKind.Skipped, "transition rule (oldSelf): not evaluated on create");
        }

        var (program, problem) = Cache.GetOrAdd(expression, text => new Lazy<(CelProgramDelegate?, string?)>(() => Compile(text))).Value;
        if (program is null)
        {
            return new CelOutcome(CelOutcomeKind.NotEvaluated, "does not compile: " + problem);
        }

        var activation = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["self"] = self,
            ["format"] = CelNamespaces.Format,
            ["optional"] = CelNamespaces.Optional,
            ["strings"] = CelNamespaces.Strings,
            ["math"] = CelNamespaces.Math,
        };
        object? result;
        try
        {
            lock (Gate)
            {
                result = program.Invoke(activation);
            }
        }
        catch (Exception exception) when (Classify(exception) is { } outcome)
        {
            return outcome;
        }

        return result switch
        {
            bool b => new CelOutcome(b ? CelOutcomeKind.Passed : CelOutcomeKind.Failed, Value: b),
            _ when CelLibraries.IsNoSuchField(result) => new CelOutcome(CelOutcomeKind.Error, "no such key"),
            null => new CelOutcome(CelOutcomeKind.NotEvaluated, "evaluation produced no value (an error inside a macro such as all() or exists() is reported as null by the Cel package)", null),
            _ => new CelOutcome(CelOutcomeKind.NotEvaluated, $"evaluation produced a {result.GetType().Name}, not a bool", result),
        };
    }

    /// <summary>Evaluates a messageExpression; returns the message or <see langword="null"/>.</summary>
    public static string? EvaluateMessage(string expression, object? self)
    {
        var (program, _) = Cache.GetOrAdd(expression, text => new Lazy<(CelProgramDelegate?, string?)>(() => Compile(text))).Value;
        if (program is null)
        {
            return null;
        }

        try
        {
            lock (Gate)
            {
                return program.Invoke(new Dictionary<string, object?> { ["self"] = self, ["format"] = CelNamespaces.Format, ["strings"] = CelNamespaces.Strings }) as string;
            }
        }
        catch (Exception exception) when (Classify(exception) is not null)
        {
            return null;
        }
    }

    private static CelOutcome? Classify(Exception exception) => exception switch
    {
        CelNoSuchFieldException => new CelOutcome(CelOutcomeKind.Error, "no such key: " + exception.Message),
        CelArgumentRangeException or CelDivideByZeroException or CelModulusByZeroException or CelOverflowException or CelLibraryException or CelConversionException
            => new CelOutcome(CelOutcomeKind.Error, exception.Message),
        CelNoSuchOverloadException when exception.Message.Contains("CelNoSuchField", StringComparison.Ordinal)
            => new CelOutcome(CelOutcomeKind.Error, "no such key"),

        // `a || b` / `a && b` with an operand that is an error (no such key) or not a bool: an error in cel-go too.
        CelNoSuchOverloadException when exception.Message.Contains("Could not compare OR values", StringComparison.Ordinal)
            || exception.Message.Contains("Could not compare AND values", StringComparison.Ordinal)
            => new CelOutcome(CelOutcomeKind.Error, "no such key, or an operand of || / && that is not a bool"),
        CelException or NotSupportedException or InvalidCastException or InvalidOperationException or ArgumentException or NullReferenceException or FormatException
            => new CelOutcome(CelOutcomeKind.NotEvaluated, exception.GetType().Name + ": " + exception.Message),
        _ => null,
    };

    private static (CelProgramDelegate?, string?) Compile(string expression)
    {
        try
        {
            lock (Gate)
            {
                return (Environment.Compile(CelHasRewriter.Rewrite(expression)), null);
            }
        }
        catch (Exception exception) when (exception is CelException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return (null, exception.Message);
        }
    }

    private static CelEnvironment CreateEnvironment()
    {
        var environment = new CelEnvironment(Array.Empty<FileDescriptor>(), string.Empty);
        CelLibraries.RegisterAll(environment);
        return environment;
    }

    [GeneratedRegex(@"\boldSelf\b", RegexOptions.CultureInvariant)]
    private static partial Regex OldSelf();
}
