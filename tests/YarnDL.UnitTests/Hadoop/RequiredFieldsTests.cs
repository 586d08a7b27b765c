using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using YarnDL.Hadoop.Ipc;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.Hadoop;

/// <summary><see cref="RequiredFields"/> must answer exactly as Google.Protobuf's own IsInitialized().</summary>
public sealed class RequiredFieldsTests
{
    private static readonly MessageDescriptor[] AllTypes = [.. typeof(RpcRequestHeaderProto).Assembly.GetTypes()
        .Where(t => typeof(IMessage).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => ((IMessage)Activator.CreateInstance(t)!).Descriptor)];

    [Fact]
    public void Empty_messages_of_every_type_agree_with_the_library()
    {
        Assert.True(AllTypes.Length > 60, $"{AllTypes.Length} message types");
        foreach (var type in AllTypes)
        {
            var empty = New(type);
            Assert.True(RequiredFields.AreSet(empty) == empty.IsInitialized(), type.FullName);
        }
    }

    [Fact]
    public void Randomly_filled_messages_of_every_type_agree_with_the_library()
    {
        var rng = new Random(20240611);
        var (set, unset) = (0, 0);
        foreach (var type in AllTypes)
        {
            for (var i = 0; i < 40; i++)
            {
                var message = Fill(type, rng, depth: 4);
                var expected = message.IsInitialized();
                Assert.True(RequiredFields.AreSet(message) == expected, $"{type.FullName}: {message}");
                (set, unset) = expected ? (set + 1, unset) : (set, unset + 1);
            }
        }

        Assert.True(set > 1000 && unset > 300, $"{set} initialised, {unset} not: the sample should have plenty of both");
    }

    [Fact]
    public void A_missing_required_field_deep_inside_an_allocate_response_is_found()
    {
        var response = new AllocateResponseProto { ResponseId = 1 };
        response.AllocatedContainers.Add(new ContainerProto { ContainerToken = new TokenProto { Identifier = ByteString.Empty, Password = ByteString.Empty, Kind = "k" } });
        Assert.False(RequiredFields.AreSet(response)); // TokenProto.service is required
        response.AllocatedContainers[0].ContainerToken.Service = "s";
        Assert.True(RequiredFields.AreSet(response));
    }

    private static IMessage New(MessageDescriptor type) => (IMessage)Activator.CreateInstance(type.ClrType)!;

    private static IMessage Fill(MessageDescriptor type, Random rng, int depth)
    {
        var message = New(type);
        foreach (var f in type.Fields.InDeclarationOrder())
        {
            // Required fields are set most of the time, so that whole trees come out initialised often enough.
            if (rng.NextDouble() > (f.IsRequired ? 0.85 : 0.5) || (f.FieldType == FieldType.Message && depth == 0))
            {
                continue;
            }

            if (f.IsRepeated)
            {
                var list = (IList)f.Accessor.GetValue(message);
                for (var n = rng.Next(3); n > 0; n--)
                {
                    list.Add(Value(f, rng, depth));
                }
            }
            else
            {
                f.Accessor.SetValue(message, Value(f, rng, depth));
            }
        }

        return message;
    }

    private static object Value(FieldDescriptor f, Random rng, int depth) => f.FieldType switch
    {
        FieldType.Message => Fill(f.MessageType, rng, depth - 1),
        FieldType.Enum => Enum.ToObject(f.EnumType.ClrType, f.EnumType.Values[rng.Next(f.EnumType.Values.Count)].Number),
        FieldType.String => "s" + rng.Next(100),
        FieldType.Bytes => ByteString.CopyFrom((byte)rng.Next(256)),
        FieldType.Bool => rng.Next(2) == 1,
        FieldType.Float => (float)rng.NextDouble(),
        FieldType.Double => rng.NextDouble(),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => rng.Next(),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => (long)rng.Next(),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)rng.Next(),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)rng.Next(),
        _ => throw new NotSupportedException(f.FieldType.ToString()),
    };
}
