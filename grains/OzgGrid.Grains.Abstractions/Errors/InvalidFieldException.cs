namespace OzgGrid.Grains.Abstractions.Errors;

/// <summary>A field of a write has a value that can never be valid; <see cref="Field"/> names it as the API does.</summary>
[GenerateSerializer, Alias("ozg.InvalidFieldException")]
public sealed class InvalidFieldException(string field, string message) : Exception(message)
{
    [Id(0)]
    public string Field { get; } = field;
}
