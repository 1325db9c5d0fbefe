using System;

namespace EnvoyGateway.Sdk.Envoy;

/// <summary>Raised when JSON or YAML text cannot be read as the requested Envoy message.</summary>
/// <remarks>The message names the location (line and column for YAML) and what was wrong there.</remarks>
public sealed class EnvoyFormatException : Exception
{
    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    /// <param name="message">What was wrong and where.</param>
    /// <param name="inner">The parser's own exception, if any.</param>
    public EnvoyFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
