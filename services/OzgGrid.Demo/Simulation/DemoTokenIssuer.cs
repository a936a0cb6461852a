namespace OzgGrid.Demo.Simulation;

/// <summary>Signs a bearer token the silo accepts, for a role, a subject and (role it-dienstleister) its id.</summary>
public delegate string DemoTokenIssuer(string role, string subject, string? itDienstleister);
