using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace EnvoyGateway.Sdk.Envoy;

/// <summary>Puts a copy of a message in canonical form: every map sorted by key, recursively, inside <c>Any</c> too.</summary>
/// <remarks>
/// Google.Protobuf writes map entries in insertion order, so two equal messages could format differently.
/// Sorting a clone makes formatting a pure function of the message's value.
/// </remarks>
internal static class MessageCanonicalizer
{
    private static readonly ConcurrentDictionary<MessageDescriptor, bool> NeedsWorkCache = new();

    public static IMessage Canonicalize(IMessage message)
    {
        if (!NeedsWorkCache.GetOrAdd(message.Descriptor, d => NeedsWork(d, new HashSet<MessageDescriptor>())))
        {
            return message;
        }

        var copy = message.Descriptor.Parser.ParseFrom(message.ToByteString());
        SortInPlace(copy);
        return copy;
    }

    // Messages with neither maps nor Any anywhere below them are already canonical; skip the clone.
    private static bool NeedsWork(MessageDescriptor descriptor, HashSet<MessageDescriptor> seen)
    {
        if (descriptor.FullName == Any.Descriptor.FullName)
        {
            return true;
        }

        if (!seen.Add(descriptor))
        {
            return false;
        }

        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsMap)
            {
                return true;
            }

            if (field.FieldType == FieldType.Message && NeedsWork(field.MessageType, seen))
            {
                return true;
            }
        }

        return false;
    }

    private static void SortInPlace(IMessage message)
    {
        if (message is Any any)
        {
            SortAny(any);
            return;
        }

        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsMap)
            {
                SortMap(field, (IDictionary)field.Accessor.GetValue(message));
            }
            else if (field.FieldType == FieldType.Message)
            {
                if (field.IsRepeated)
                {
                    foreach (IMessage item in (IList)field.Accessor.GetValue(message))
                    {
                        SortInPlace(item);
                    }
                }
                else if (field.Accessor.GetValue(message) is IMessage child)
                {
                    SortInPlace(child);
                }
            }
        }
    }

    private static void SortMap(FieldDescriptor field, IDictionary map)
    {
        if (map.Count == 0)
        {
            return;
        }

        var valueField = field.MessageType.FindFieldByNumber(2);
        // MapField's generic enumerator yields KeyValuePair; the non-generic dictionary enumerator yields entries.
        var entries = new List<DictionaryEntry>(map.Count);
        var enumerator = map.GetEnumerator();
        while (enumerator.MoveNext())
        {
            entries.Add(enumerator.Entry);
        }

        entries.Sort((a, b) => MapKeyComparer.Instance.Compare(a.Key, b.Key));
        map.Clear();
        foreach (var entry in entries)
        {
            if (valueField.FieldType == FieldType.Message && entry.Value is IMessage value)
            {
                SortInPlace(value);
            }

            map.Add(entry.Key, entry.Value);
        }
    }

    private static void SortAny(Any any)
    {
        var descriptor = EnvoyTypeRegistry.Registry.Find(Any.GetTypeName(any.TypeUrl));
        if (descriptor is null)
        {
            return; // an unknown payload stays opaque bytes; the formatter will report it
        }

        var payload = descriptor.Parser.ParseFrom(any.Value);
        SortInPlace(payload);
        any.Value = payload.ToByteString();
    }

    private sealed class MapKeyComparer : IComparer<object>
    {
        public static readonly MapKeyComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (IComparable a, _) => a.CompareTo(y),
            _ => 0,
        };
    }
}
