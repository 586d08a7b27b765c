using System.Text.Json;
using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Json;

/// <summary>Reads a JSON array, a single object (old servers/proxies) or null as a list.</summary>
public sealed class FlexibleListConverter<T> : JsonConverter<List<T>>
{
    public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var list = new List<T>();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return list;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (JsonSerializer.Deserialize(ref reader, info) is { } item)
                    {
                        list.Add(item);
                    }
                }

                return list;
            default:
                if (JsonSerializer.Deserialize(ref reader, info) is { } single)
                {
                    list.Add(single);
                }

                return list;
        }
    }

    public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options)
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, info);
        }

        writer.WriteEndArray();
    }
}
