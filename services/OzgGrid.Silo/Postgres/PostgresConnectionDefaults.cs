using System.Data.Common;
using System.Globalization;

namespace OzgGrid.Silo.Postgres;

/// <summary>
/// The Npgsql settings OzgGrid's providers run with unless the connection string says otherwise. Orleans' ADO.NET
/// providers open a pooled connection per query and send the same few statements (OrleansQuery) all the time, so:
/// Npgsql prepares each on a connection once it has run there <c>Auto Prepare Min Usages</c> times (the server then
/// parses and plans it once, not per write), and a connection going back to the pool is not reset (the providers set
/// no session state, and a reset would also cost the prepared statements).
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>Room for every statement the three providers use (persistence 3, clustering 8, reminders 6) on one connection.</summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>The connection string with OzgGrid's defaults added for the settings it does not give.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!keys.Contains("MaxAutoPrepare"))
        {
            given["Max Auto Prepare"] = MaxAutoPrepare.ToString(CultureInfo.InvariantCulture);
        }

        if (!keys.Contains("NoResetOnClose"))
        {
            given["No Reset On Close"] = "true";
        }

        return given.ConnectionString;
    }
}
