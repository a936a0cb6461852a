using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Tests;

/// <summary>Write commands as the gateway builds them: a new request id each time unless the test retries one.</summary>
public static class WriteCommands
{
    public const string DefaultCaller = "it-dienstleister-test";

    public static WriteCommand New(string changedBy = DefaultCaller, long? expectedVersion = null) =>
        new(NewRequestId(), expectedVersion, changedBy);

    public static string NewRequestId() => Guid.NewGuid().ToString();
}
