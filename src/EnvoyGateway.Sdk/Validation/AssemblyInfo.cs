using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("EnvoyGateway.Sdk.Validation.Tests")]
