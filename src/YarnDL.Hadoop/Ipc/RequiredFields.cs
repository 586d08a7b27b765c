using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace YarnDL.Hadoop.Ipc;

/// <summary>
/// Whether every proto2 <c>required</c> field is set, recursively: the same answer as Google.Protobuf's
/// <c>IMessage.IsInitialized()</c>, which walks every field of every message through reflection and LINQ and was the
/// largest single cost of an IPC call (the runtime does not enforce <c>required</c>, so the wire layer must check).
/// Here a plan is built once per message type, listing only its required fields and the message fields whose type can
/// reach one; a call then touches nothing else.
/// </summary>
internal static class RequiredFields
{
    private static readonly ConcurrentDictionary<MessageDescriptor, Plan> Plans = new();

    public static bool AreSet(IMessage message) => PlanFor(message.Descriptor).Check(message);

    private static Plan PlanFor(MessageDescriptor type) => Plans.GetOrAdd(type, static t => new Plan(t));

    /// <summary>True when <paramref name="type"/> or a message type reachable through its fields has a required field.</summary>
    private static bool CanHoldRequired(MessageDescriptor type)
    {
        var seen = new HashSet<MessageDescriptor>();
        var stack = new Stack<MessageDescriptor>([type]);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (!seen.Add(t))
            {
                continue;
            }

            foreach (var f in t.Fields.InDeclarationOrder())
            {
                if (f.IsRequired)
                {
                    return true;
                }

                if (f.FieldType is FieldType.Message or FieldType.Group)
                {
                    stack.Push(f.MessageType);
                }
            }
        }

        return false;
    }

    private sealed class Plan
    {
        private readonly FieldDescriptor[] _required = [];
        private readonly FieldDescriptor[] _nested = [];

        /// <summary>Maps and groups (none in our protos) are left to the library's own walk. Extension values are not
        /// looked at: frames are parsed without an extension registry and we set none, so a message never holds one.
        /// (A proto3 type has no required field, so its plan is empty, as the library's answer is always true.)</summary>
        private readonly bool _fallback;

        public Plan(MessageDescriptor type)
        {
            var fields = type.Fields.InDeclarationOrder();
            _fallback = fields.Any(f => f.IsMap || f.FieldType == FieldType.Group);
            _required = [.. fields.Where(f => f.IsRequired)];
            _nested = [.. fields.Where(f => f.FieldType == FieldType.Message && CanHoldRequired(f.MessageType))];
        }

        public bool Check(IMessage message)
        {
            if (_fallback)
            {
                return message.IsInitialized();
            }

            foreach (var f in _required)
            {
                if (!f.Accessor.HasValue(message))
                {
                    return false;
                }
            }

            foreach (var f in _nested)
            {
                if (f.IsRepeated)
                {
                    var items = (IList)f.Accessor.GetValue(message);
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (!AreSet((IMessage)items[i]!))
                        {
                            return false;
                        }
                    }
                }
                else if (f.Accessor.HasValue(message) && !AreSet((IMessage)f.Accessor.GetValue(message)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
