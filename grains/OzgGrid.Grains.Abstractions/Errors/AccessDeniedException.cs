namespace OzgGrid.Grains.Abstractions.Errors;

/// <summary>The caller may not make this change; the message says what it lacks. Nothing was changed.</summary>
[GenerateSerializer, Alias("ozg.AccessDeniedException")]
public sealed class AccessDeniedException(string message) : Exception(message);
