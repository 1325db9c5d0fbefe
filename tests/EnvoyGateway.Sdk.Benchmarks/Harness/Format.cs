using System;
using System.Globalization;

namespace EnvoyGateway.Sdk.Benchmarks.Harness;

/// <summary>Invariant number formatting for the tables.</summary>
internal static class Format
{
    public static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Us(double microseconds) => microseconds.ToString("0.0", CultureInfo.InvariantCulture) + " µs";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Kb(double bytes) => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    public static string Mb(double bytes) => (bytes / (1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Int(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
