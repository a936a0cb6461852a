namespace OzgGrid.Silo.Tests.Processes;

/// <summary>Silo processes of one cluster on the test PostgreSQL: membership, state and reminders there.</summary>
public sealed class PostgresProcessClusterFixture() : ProcessClusterFixture(PostgresClusterStore.StartAsync);
