using Google.Protobuf.WellKnownTypes;
using OzgGrid.Grains.Abstractions.Catalog;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

public static class CatalogMapping
{
    public static Proto.CatalogImport MapToProto(this CatalogImportReport report) => new()
    {
        ImportedAt = Timestamp.FromDateTimeOffset(report.Stamp.ChangedAt),
        ImportedBy = report.Stamp.ChangedBy,
        RequestId = report.Stamp.RequestId,
        Themenfelder = report.Themenfelder,
        Lagen = report.Lagen,
        Leistungen = report.Leistungen,
        LeikaLeistungen = report.LeikaLeistungen,
        LeikaLeistungenWithoutKey = report.LeikaLeistungenWithoutKey,
        LeikaTypCounts = { report.LeikaTypCounts },
        LeistungenCreated = report.LeistungenCreated,
        LeistungenChanged = report.LeistungenChanged,
        LeistungenUnchanged = report.LeistungenUnchanged,
        Findings = { report.Findings.Select(f => new Proto.ImportFinding { File = f.File, Line = f.Line, Message = f.Message }) },
    };
}
