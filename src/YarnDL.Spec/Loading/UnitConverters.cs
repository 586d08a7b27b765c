using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YarnDL.Spec.Units;

namespace YarnDL.Spec.Loading;

/// <summary>Reads <see cref="MemorySize"/> and <see cref="Duration"/> scalars, rejecting anything else with the allowed forms.</summary>
internal sealed class UnitConverters : IYamlTypeConverter
{
    public bool Accepts(Type type) =>
        type == typeof(MemorySize) || type == typeof(Duration) || type == typeof(Duration?) || type == typeof(MemorySize?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        if (type == typeof(MemorySize) || type == typeof(MemorySize?))
        {
            return MemorySize.TryParse(scalar.Value, out var m) && m.Megabytes > 0
                ? m
                : throw new SpecValueException(scalar.Start, scalar.End, $"bad memory size '{scalar.Value}' (allowed: {MemorySize.Allowed})");
        }

        return Duration.TryParse(scalar.Value, out var d)
            ? d
            : throw new SpecValueException(scalar.Start, scalar.End, $"bad duration '{scalar.Value}' (allowed: {Duration.Allowed})");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(value?.ToString() ?? string.Empty));
}
