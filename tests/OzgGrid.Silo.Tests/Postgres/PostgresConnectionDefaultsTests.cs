using Npgsql;
using OzgGrid.Silo.Postgres;

namespace OzgGrid.Silo.Tests.Postgres;

/// <summary>The Npgsql settings OzgGrid adds to a PostgreSQL connection string, and the ones it leaves to the operator.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Statements_are_prepared_and_connections_not_reset_unless_the_connection_string_says_otherwise()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=ozggrid;Username=ozggrid;Password=\"a;b=c\""));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.True(applied.NoResetOnClose);
        Assert.Equal("db", applied.Host);
        Assert.Equal("ozggrid", applied.Database);
        Assert.Equal("a;b=c", applied.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NoResetOnClose=false")]
    public void An_operator_can_turn_both_off_for_example_behind_a_pooler_in_transaction_mode(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        Assert.Equal(0, applied.MaxAutoPrepare);
        Assert.False(applied.NoResetOnClose);
    }
}
