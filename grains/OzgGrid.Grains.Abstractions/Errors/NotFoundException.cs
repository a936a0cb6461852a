namespace OzgGrid.Grains.Abstractions.Errors;

/// <summary>The addressed Themenfeld or Leistung is not in the catalogue.</summary>
[GenerateSerializer, Alias("ozg.NotFoundException")]
public sealed class NotFoundException(string message) : Exception(message);
