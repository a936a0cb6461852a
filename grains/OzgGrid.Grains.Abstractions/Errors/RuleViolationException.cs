namespace OzgGrid.Grains.Abstractions.Errors;

/// <summary>A write that is well-formed but not allowed in the current state; nothing was changed.</summary>
[GenerateSerializer, Alias("ozg.RuleViolationException")]
public sealed class RuleViolationException(string message) : Exception(message);
