using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>The fields a change touched, from their values before (null: the record is new) and after, as text.</summary>
internal static class FieldChanges
{
    public static ImmutableArray<FieldChange> Between(params (string Field, string? Before, string After)[] values) =>
        [.. values.Where(v => v.Before != v.After).Select(v => new FieldChange(v.Field, v.Before ?? string.Empty, v.After))];

    public static string List<T>(IEnumerable<T> items) => string.Join(", ", items);
}
