using System;
using System.Globalization;

namespace EnvoyGateway.Sdk.Reliability.Tests.Fuzz;

/// <summary>
/// How long and from where the fuzzer runs. The default is the short, deterministic CI run: a fixed number of
/// mutants from a fixed seed. <c>EGSDK_FUZZ_SECONDS</c> turns it into a long run that stops on the clock.
/// </summary>
internal sealed record FuzzSettings(int Seed, int Start, int Iterations, TimeSpan Duration, bool Timed)
{
    public const int DefaultSeed = 20251126;

    // Sized so the CI run takes about two minutes on the project's 2-core machine.
    public const int DefaultIterations = 25000;

    // A CI run never takes longer than this, even on a machine busier than expected (it then runs a prefix).
    private static readonly TimeSpan CiCap = TimeSpan.FromMinutes(4);

    public static FuzzSettings FromEnvironment()
    {
        var seed = Read("EGSDK_FUZZ_SEED") ?? DefaultSeed;
        var start = Read("EGSDK_FUZZ_START") ?? 0;
        var seconds = Read("EGSDK_FUZZ_SECONDS");
        var iterations = Read("EGSDK_FUZZ_ITERATIONS");
        return seconds is { } s
            ? new FuzzSettings(seed, start, iterations ?? int.MaxValue, TimeSpan.FromSeconds(s), Timed: true)
            : new FuzzSettings(seed, start, iterations ?? DefaultIterations, CiCap, Timed: false);
    }

    /// <summary>The random source of one mutant: the same seed and iteration give the same mutant.</summary>
    public Random RandomFor(int iteration) => new(unchecked((Seed * 1_000_003) + iteration));

    private static int? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
