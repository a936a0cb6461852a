namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>Whose request ids a write's request id is one of: request ids are remembered per caller and record.</summary>
public enum CallerKind
{
    /// <summary>A token's subject (programme management, monitoring): each person or system has ids of its own.</summary>
    Subject = 0,

    /// <summary>An IT-Dienstleister as an organisation: all its tokens share its ids.</summary>
    ItDienstleister = 1,

    /// <summary>OzgGrid itself (rollout, deadline checks, imports): no token can name this caller.</summary>
    OzgGrid = 2,
}
