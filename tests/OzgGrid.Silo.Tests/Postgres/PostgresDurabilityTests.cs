using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

public sealed class PostgresDurabilityTests : DurabilityTests
{
    protected override string[] StoreSettings => TestStorage.PostgresSettings;
}
