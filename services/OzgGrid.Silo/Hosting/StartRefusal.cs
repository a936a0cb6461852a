namespace OzgGrid.Silo.Hosting;

/// <summary>How the silo program reports a start it refuses: one line, "Refusing to start: …", and exit code 1.</summary>
public static class StartRefusal
{
    public const string Prefix = "Refusing to start: ";

    public const int ExitCode = 1;

    /// <summary>
    /// The refusal's line, "ozggrid: Refusing to start: …". A fault of the program itself (a null reference, say) is no
    /// setting the operator can fix: its stack trace follows, for the bug report.
    /// </summary>
    public static string Report(Exception exception) =>
        IsProgramFault(exception)
            ? $"ozggrid: {Describe(exception)}{Environment.NewLine}ozggrid: this is a fault of OzgGrid, not of its settings; report it with what follows:{Environment.NewLine}{exception}"
            : $"ozggrid: {Describe(exception)}";

    /// <summary>The exception's message with those of its causes that add to it, on one line.</summary>
    public static string Describe(Exception exception)
    {
        var text = "";
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            var message = string.Join(' ', cause.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (!text.Contains(message, StringComparison.Ordinal))
            {
                text = text.Length == 0 ? message : $"{text.TrimEnd('.')}: {message}";
            }
        }

        return text.StartsWith(Prefix, StringComparison.Ordinal) ? text : Prefix + text;
    }

    private static bool IsProgramFault(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is NullReferenceException or IndexOutOfRangeException or InvalidCastException or KeyNotFoundException
                or ArgumentNullException)
            {
                return true;
            }
        }

        return false;
    }
}
