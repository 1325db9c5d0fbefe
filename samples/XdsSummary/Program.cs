using System;
using System.IO;

// Usage: dotnet run --project samples/XdsSummary [-- path/to/input.yaml]
var input = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "gateway.yaml");
Console.Write(XdsSummary.Summary.Of(input));
