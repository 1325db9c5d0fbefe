[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("EnvoyGateway.Sdk.Features.Security.Tests")]
