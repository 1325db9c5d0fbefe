using System;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace EnvoyGateway.Sdk.Testing.Tests;

/// <summary>Runs an assertion that must fail and returns its message, without failing the current test.</summary>
internal static class Failures
{
    public static string MessageOf(Action assertion)
    {
        // Assert.Fail records the failure on the current test's result; an isolated context keeps it off ours.
        using (new TestExecutionContext.IsolatedContext())
        {
            try
            {
                assertion();
            }
            catch (AssertionException e)
            {
                return e.Message.Trim();
            }
        }

        throw new InvalidOperationException("The assertion passed, but it was expected to fail.");
    }
}
