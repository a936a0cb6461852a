using System.Collections.Immutable;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Laender;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

public static class ItDienstleisterMapping
{
    public static Proto.ItDienstleister MapToProto(this ItDienstleister itDienstleister) => new()
    {
        Id = itDienstleister.Id,
        Name = itDienstleister.Name,
        Laender = { itDienstleister.Laender },
        Contact = itDienstleister.Contact,
        Version = itDienstleister.Version,
        LastChange = itDienstleister.LastChange.MapToProto(),
        Deactivated = itDienstleister.Deactivated,
    };

    public static ItDienstleisterRegistration MapToDomain(this Proto.RegisterItDienstleisterRequest request)
    {
        RequestGuard.ListSize(request.Laender.Count, LaenderRegister.All.Count, "laender");
        return new(
            request.Name.Trim(),
            request.Laender.Select(land => RequestGuard.Land(land, "laender")).ToImmutableSortedSet(StringComparer.Ordinal),
            request.Contact.Trim());
    }
}
