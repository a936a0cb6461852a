using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// The key a write is remembered under: its request id within its caller (<see cref="WriteCommand.CallerKind"/> and
/// <see cref="WriteCommand.CallerId"/>). Another caller's request id is a different key, so it can neither replay nor
/// block a write of someone else; OzgGrid's own writes have a caller kind no token maps to.
/// </summary>
public static class RequestKeys
{
    public static long Of(WriteCommand command) =>
        new CanonicalEncoding("request/1").Number((int)command.CallerKind).Text(command.CallerId).Text(command.RequestId).Hash();
}
