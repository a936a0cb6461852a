using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OzgGrid.Web;

/// <summary>
/// What an anonymous visitor of the page sees of a read or a stream message: the figures and statuses, but not who
/// changed what. Every field that names a person or traces a caller's request (<see cref="PersonalFields"/>), at any
/// depth, is left empty; the message is copied first, since a stream's messages are shared by all its watchers.
/// </summary>
internal static class AnonymousVisitorView
{
    /// <summary>By name, so that such a field added to a message later is left out too.</summary>
    private static readonly HashSet<string> PersonalFields = ["changed_by", "request_id", "imported_by", "contact", "gesetzt_von"];

    public static T Of<T>(T message)
        where T : IMessage
    {
        if (!Names(message))
        {
            return message;
        }

        var copy = (T)message.Descriptor.Parser.ParseFrom(message.ToByteString());
        Clear(copy);
        return copy;
    }

    /// <summary>Per message type: whether it or a message it holds has a personal field (most types, e.g. the figures, have none).</summary>
    private static readonly ConcurrentDictionary<MessageDescriptor, bool> MayNameByType = new();

    /// <summary>Whether a personal field anywhere in the message holds a value.</summary>
    private static bool Names(IMessage message) => MayName(message.Descriptor) && message.Descriptor.Fields.InFieldNumberOrder().Any(field =>
        PersonalFields.Contains(field.Name) ? field.Accessor.GetValue(message) is not (null or "") : Nested(message, field).Any(Names));

    private static bool MayName(MessageDescriptor type) => MayNameByType.GetOrAdd(type, _ => MayName(type, []));

    private static bool MayName(MessageDescriptor type, HashSet<MessageDescriptor> seen) =>
        seen.Add(type) && type.Fields.InFieldNumberOrder().Any(field =>
            PersonalFields.Contains(field.Name) || (field.FieldType == FieldType.Message && MayName(field.MessageType, seen)));

    private static void Clear(IMessage message)
    {
        if (!MayName(message.Descriptor))
        {
            return;
        }

        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (PersonalFields.Contains(field.Name))
            {
                field.Accessor.Clear(message);
            }
            else
            {
                foreach (var nested in Nested(message, field))
                {
                    Clear(nested);
                }
            }
        }
    }

    /// <summary>The messages a field holds: one, those of a repeated field, or the values of a map.</summary>
    private static IEnumerable<IMessage> Nested(IMessage message, FieldDescriptor field)
    {
        if (field.FieldType != FieldType.Message)
        {
            return [];
        }

        return field.Accessor.GetValue(message) switch
        {
            IDictionary map => field.MessageType.FindFieldByNumber(2).FieldType == FieldType.Message ? map.Values.OfType<IMessage>() : [],
            IEnumerable<IMessage> list => list,
            IMessage single => [single],
            _ => [],
        };
    }
}
