namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>Where a Kommune's entry in a register comes from, so that nobody takes a generated AGS for the official one.</summary>
public enum KommuneSource
{
    /// <summary>Name and AGS as imported (e.g. from the Gemeindeverzeichnis).</summary>
    Imported = 1,

    /// <summary>A real Kommune by name whose AGS was generated, because the shipped file has names only.</summary>
    GeneratedAgs = 2,

    /// <summary>Not a real Kommune: generated for tests and benchmarks only.</summary>
    Synthetic = 3,
}
