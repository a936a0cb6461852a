namespace OzgGrid.Cli.Bulk;

/// <summary>What became of one row of a bulk file: accepted, refused (by the server or locally, with the reason) or not sent.</summary>
public sealed record BulkOutcome(int Line, string OzgId, string Ags, string Result, string Code, string Reason, long? Version)
{
    public const string Accepted = "accepted";
    public const string Refused = "refused";
    public const string NotSent = "not-sent";

    public bool IsAccepted => Result == Accepted;
}
