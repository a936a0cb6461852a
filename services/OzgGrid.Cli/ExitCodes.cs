namespace OzgGrid.Cli;

/// <summary>The exit codes of ozgctl; scripts rely on them, so they are documented in README.md and never renumbered.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line is wrong, or a local file cannot be read or written.</summary>
    public const int Usage = 1;

    /// <summary>INVALID_ARGUMENT or OUT_OF_RANGE: the server refused a value.</summary>
    public const int InvalidArgument = 2;

    /// <summary>NOT_FOUND: no such Themenfeld, Leistung, Kommune, …</summary>
    public const int NotFound = 3;

    /// <summary>UNAUTHENTICATED or PERMISSION_DENIED: no token, a bad or expired one, or a role that may not do this.</summary>
    public const int AccessDenied = 4;

    /// <summary>FAILED_PRECONDITION, ABORTED or ALREADY_EXISTS: a stale expected version or a rule the change breaks.</summary>
    public const int Conflict = 5;

    /// <summary>UNAVAILABLE, DEADLINE_EXCEEDED or RESOURCE_EXHAUSTED on every endpoint: try again later.</summary>
    public const int Unavailable = 6;

    /// <summary>A bulk run in which some rows were refused (the others were applied), or a cluster with an unhealthy endpoint.</summary>
    public const int PartialFailure = 7;

    /// <summary>INTERNAL, UNKNOWN, UNIMPLEMENTED, DATA_LOSS: a fault of the server (or a client/server version mismatch).</summary>
    public const int ServerError = 8;

    /// <summary>Interrupted (Ctrl-C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
