using System;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>A Kubernetes CEL library function refused its argument (an invalid IP, URL, quantity, ...): a data error.</summary>
internal sealed class CelLibraryException : Exception
{
    public CelLibraryException(string message)
        : base(message)
    {
    }

    public CelLibraryException()
    {
    }

    public CelLibraryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
