namespace EnvoyGateway.Cli;

/// <summary>The tool's exit codes (documented in README.md).</summary>
internal static class ExitCodes
{
    /// <summary>The input was read and the command did its job.</summary>
    public const int Success = 0;

    /// <summary>
    /// The input could not be read: missing file, unreadable YAML, a known kind with an unserved apiVersion; or egsdk
    /// failed on it (an internal error, reported in one line).
    /// </summary>
    public const int InputError = 1;

    /// <summary>The command line itself is wrong (unknown option, missing value).</summary>
    public const int UsageError = 2;

    /// <summary><c>validate</c> found documents that break their schema.</summary>
    public const int Invalid = 3;
}
