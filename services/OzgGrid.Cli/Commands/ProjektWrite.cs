namespace OzgGrid.Cli.Commands;

/// <summary>The project a write of <see cref="ProjektBeteiligungCommands"/> is for, and how (request id, expected version).</summary>
public sealed record ProjektWrite(string ProjektId, string RequestId, long? ExpectedVersion);
