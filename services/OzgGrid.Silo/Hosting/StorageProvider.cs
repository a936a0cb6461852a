namespace OzgGrid.Silo.Hosting;

public enum StorageProvider
{
    AzureStorage = 1,
    Memory = 2,
    Postgres = 3,
}
